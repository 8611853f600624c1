package io.heavylegs.codes;

/**
 * A value of one of the contract's code lists (README "Codes"): the code is what forms post, columns store and
 * exports carry; the label is what a person reads.
 */
public interface Coded {

    String code();

    String label();
}
