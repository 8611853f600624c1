package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LigaturesTest {

    @Test
    void joinsTheFiveLigaturesLongestFirst() {
        assertEquals("<p>o\uFB03ce, ba\uFB04e, o\uFB00, \uFB01ne, \uFB02at, \uFB00\uFB01</p>",
                Ligatures.inText("<p>office, baffle, off, fine, flat, fffi</p>"));
    }

    @Test
    void leavesTagsAttributesEntitiesStyleTitleAndSvgAlone() {
        String xhtml = "<html><head><title>findings</title><style>.float { font-family: x; }</style></head>"
                + "<body><li data-finding=\"fi\" class=\"report-flags\">f&amp;i fi&#xFB01;</li>"
                + "<svg viewBox=\"0 0 1 1\"><text>fine</text></svg><p>flag</p><!-- fi --></body></html>";

        assertEquals("<html><head><title>findings</title><style>.float { font-family: x; }</style></head>"
                + "<body><li data-finding=\"fi\" class=\"report-flags\">f&amp;i \uFB01&#xFB01;</li>"
                + "<svg viewBox=\"0 0 1 1\"><text>fine</text></svg><p>\uFB02ag</p><!-- fi --></body></html>",
                Ligatures.inText(xhtml));
    }

    @Test
    void answersTheSameStringWhenThereIsNothingToJoin() {
        String xhtml = "<p class=\"x\">Legs heavy after work</p>";

        assertSame(xhtml, Ligatures.inText(xhtml));
    }
}
