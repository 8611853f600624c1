package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.heavylegs.account.Profile;
import io.heavylegs.account.ProfileReads;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;
import io.heavylegs.marks.MarkExplanations;
import io.heavylegs.marks.MarkingRules;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.FormFlow;
import io.heavylegs.web.FormRefill;
import io.heavylegs.web.RefillablePages;
import io.heavylegs.web.SignedInUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The signed-in user's own journal: list, create, view, edit, delete. Another user's entry is a 404. */
@Path("/journal")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class JournalResource implements RefillablePages {

    static final int CHART_DAYS = 30;
    static final int MAX_CHART_DAYS = 366;
    private static final List<MarkCode> MARK_CODES = List.of(MarkCode.values());
    /** An entry id as {@code ?like=} may carry it: digits that fit a long (18 always do). */
    private static final Pattern LIKE_ID = Pattern.compile("\\d{1,18}");
    /** The path an entry's edit form posts to. */
    private static final Pattern ENTRY_PATH = Pattern.compile("/journal/(\\d{1,18})");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(JournalListPage page, JournalFilterForm filterForm, FormErrors errors,
                List<MarkCode> markCodes, SymptomRun run);

        static native TemplateInstance form(JournalEntryForm form, FormErrors errors, Long entryId,
                JournalEntry conflict, EntryChoices choices);

        static native TemplateInstance entry(JournalEntry entry, List<EntryMark> marks, String disclaimer,
                LatestResults results);

        static native TemplateInstance delete(JournalEntry entry);
    }

    /**
     * "Symptoms on N of the last 14 days", shown above the list while a run lasts: the days the persistent mark
     * counts, up to today.
     */
    public record SymptomRun(int days) {

        public int windowDays() {
            return MarkingRules.WINDOW_DAYS;
        }

        public boolean isOngoing() {
            return days >= MarkingRules.PERSISTENT_MIN_DAYS;
        }
    }

    /** What the entry form offers, in the order it offers it. */
    public record EntryChoices(List<Symptom.Group> symptomGroups, List<Side> sides, List<Factor> factors,
            List<Integer> severities, String today) {

        static EntryChoices of(LocalDate today) {
            return new EntryChoices(List.of(Symptom.Group.values()), List.of(Side.values()), List.of(Factor.values()),
                    IntStream.rangeClosed(0, 10).boxed().toList(), today.toString());
        }
    }

    @Inject
    JournalService journal;

    @Inject
    JournalReads reads;

    @Inject
    SignedInUser signedIn;

    @Inject
    FormFlow flow;

    @Inject
    FormRefill refill;

    @Inject
    ProfileReads profiles;

    @GET
    public Response list(@BeanParam JournalFilterForm filterForm) {
        FormErrors errors = filterForm.validate();
        long owner = signedIn.id();
        LocalDate today = today();
        if (!errors.isEmpty()) {
            SeverityChart chart = chart(owner, JournalFilter.NONE, today);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.list(JournalListPage.unavailable(chart), filterForm, errors, MARK_CODES,
                            new SymptomRun(0)))
                    .build();
        }
        JournalFilter filter = filterForm.filter();
        SeverityChart chart = chart(owner, filter, today);
        int pageNumber = filterForm.pageNumber();
        JournalListPage page = JournalListPage.of(reads.page(owner, filter, pageNumber), filter, pageNumber, chart);
        SymptomRun run = new SymptomRun(reads.symptomDaysInWindow(owner, today));
        return Response.ok(Templates.list(page, filterForm, errors, MARK_CODES, run)).build();
    }

    @GET
    @Path("new")
    public TemplateInstance newEntry(@QueryParam("like") String like) {
        Profile profile = Profile.forUser(signedIn.id());
        LocalDateTime now = now(profile);
        JournalEntryForm form = refill.restore("/journal", JournalEntryForm::new)
                .or(() -> likedEntry(like).map(earlier -> JournalEntryForm.like(earlier, now)))
                .orElseGet(() -> JournalEntryForm.forNewEntry(now, profile.standingFactors()));
        return Templates.form(form, new FormErrors(), null, null, EntryChoices.of(now.toLocalDate()));
    }

    /**
     * Now where the user is: the new form starts at this date and time, and no entry may be dated after this
     * date. The one place that says which clock the journal's forms follow.
     */
    private static LocalDateTime now(Profile profile) {
        return LocalDateTime.now(profile.timeZone());
    }

    /**
     * Today where the signed-in user is (see {@link #now(Profile)}), from the profile read in plain SQL: the
     * list's other reads skip Hibernate, and this one row alone opened a Hibernate session on every list request.
     */
    private LocalDate today() {
        return now(profiles.of(signedIn.id())).toLocalDate();
    }

    /**
     * The signed-in user's entry named by {@code ?like=}. Anything else (not a number, another user's id, an id
     * that does not exist) gives a blank form rather than an error: the link is a convenience, and a blank form
     * tells nothing about other users' entries.
     */
    private Optional<JournalEntry> likedEntry(String like) {
        if (like == null || !LIKE_ID.matcher(like.strip()).matches()) {
            return Optional.empty();
        }
        return JournalEntry.findByIdAndOwner(Long.parseLong(like.strip()), signedIn.id());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam JournalEntryForm form) {
        LocalDate today = today();
        FormErrors errors = form.validate(today);
        if (!errors.isEmpty()) {
            return FormFlow.refused(Templates.form(form, errors, null, null, EntryChoices.of(today)));
        }
        JournalEntry entry = journal.create(signedIn.id(), form.values());
        return flow.saved("Entry saved.", "/journal/" + entry.id);
    }

    @GET
    @Path("{id}")
    public TemplateInstance entry(@RestPath long id) {
        JournalEntry entry = owned(id);
        List<EntryMark> marks = EntryMark.forEntry(entry.id);
        return Templates.entry(entry, marks, MarkExplanations.disclaimer(),
                LatestResults.forMarks(entry.ownerId, marks.stream().map(EntryMark::markCode).toList()));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@RestPath long id) {
        JournalEntry entry = owned(id);
        JournalEntryForm form = refill.restore("/journal/" + id, JournalEntryForm::new)
                .orElseGet(() -> JournalEntryForm.of(entry));
        return Templates.form(form, new FormErrors(), id, null, EntryChoices.of(today()));
    }

    /** The new-entry and edit forms, shown again with what was typed (web/FormRefill). */
    @Override
    public Optional<TemplateInstance> pageFor(String postPath) {
        if (postPath.equals("/journal")) {
            return Optional.of(newEntry(null));
        }
        java.util.regex.Matcher entry = ENTRY_PATH.matcher(postPath);
        return entry.matches() ? Optional.of(edit(Long.parseLong(entry.group(1)))) : Optional.empty();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath long id, @BeanParam JournalEntryForm form) {
        LocalDate today = today();
        FormErrors errors = form.validate(today);
        if (!errors.isEmpty()) {
            owned(id);
            return FormFlow.refused(Templates.form(form, errors, id, null, EntryChoices.of(today)));
        }
        return flow.savedEdit(form,
                () -> journal.update(signedIn.id(), id, form.expectedVersion(), form.values())
                        .orElseThrow(NotFoundException::new),
                () -> owned(id),
                current -> Templates.form(form, new FormErrors(), id, current, EntryChoices.of(today)),
                "/journal/" + id);
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@RestPath long id) {
        return Templates.delete(owned(id));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@RestPath long id) {
        return flow.deleted(journal.delete(signedIn.id(), id), "Entry deleted.", "/journal");
    }

    /**
     * The chart follows the list's dates: {@code from} to {@code to}; from {@code from} to today; the
     * {@value #CHART_DAYS} days up to {@code to}; or the last {@value #CHART_DAYS} days. A range longer than
     * {@value #MAX_CHART_DAYS} days is drawn for its last {@value #MAX_CHART_DAYS}, and the chart's title says which.
     */
    static LocalDate[] chartRange(JournalFilter filter, LocalDate today) {
        LocalDate to = filter.to() != null ? filter.to()
                : filter.from() != null && filter.from().isAfter(today) ? filter.from() : today;
        LocalDate from = filter.from() != null ? filter.from() : to.minusDays(CHART_DAYS - 1);
        if (from.isBefore(to.minusDays(MAX_CHART_DAYS - 1))) {
            from = to.minusDays(MAX_CHART_DAYS - 1);
        }
        return new LocalDate[] { from, to };
    }

    private SeverityChart chart(long owner, JournalFilter filter, LocalDate today) {
        LocalDate[] range = chartRange(filter, today);
        return SeverityChart.withMarks(range[0], range[1], reads.chartDays(owner, range[0], range[1]),
                reads.treatmentSpans(owner, range[0], range[1]), reads.labResults(owner, range[0], range[1]));
    }

    /** The signed-in user's entry, or the same 404 as for an id that does not exist. */
    private JournalEntry owned(long id) {
        return JournalEntry.findByIdAndOwner(id, signedIn.id()).orElseThrow(NotFoundException::new);
    }
}
