using System.Linq.Expressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Feedback.Domain.Satisfaction;
using Feedback.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Reporting;

/// <param name="Start">First instant of the month (UTC).</param>
/// <param name="End">First instant after it.</param>
/// <param name="Now">Deadlines after this have not been missed yet: a live month counts only those due so far.</param>
public sealed record KpiWindow(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Now)
{
    public static KpiWindow For(ReportMonth month, TimeZoneInfo timeZone, DateTimeOffset now) =>
        new(month.Start(timeZone), month.End(timeZone), now);
}

/// <summary>
/// The KPIs of DESIGN §5, counted in the database: one GROUP BY query per measure, each a range of an index
/// on the instant it is about (SubmittedAt, ClosedAt, ContactBy, OriginalResolveBy, ResolvedAt, the timeline's
/// (Action, At), the surveys' SentAt and AnsweredAt), grouped by department × category × area × kind. Tables and
/// totals are sums of those cells. The same definitions give the cases behind a figure (<see cref="CasesBehind"/>).
/// Suggestions adopted join the decisions; reviews submitted are not about cases and are counted apart
/// (<see cref="ReviewsAsync"/>). See docs/decisions/0014.
/// </summary>
public sealed class KpiCalculator(FeedbackDbContext db)
{
    public async Task<IReadOnlyList<KpiCell>> CellsAsync(KpiWindow window, KpiFilter filter, CancellationToken cancellationToken = default)
    {
        var cells = new Dictionary<KpiCellKey, KpiCounts>();
        void Merge<T>(IEnumerable<(KpiCellKey Key, T Row)> rows, Func<KpiCounts, T, KpiCounts> add)
        {
            foreach (var (key, row) in rows)
                cells[key] = add(cells.GetValueOrDefault(key) ?? KpiCounts.Zero, row);
        }

        var received = await Group(Set(KpiMeasure.Received, window, filter))
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                Complaints = g.Sum(c => c.Kind == CaseKind.Complaint ? 1 : 0),
                Repeats = g.Sum(c => c.IsRepeatComplaint ? 1 : 0),
                Findings = g.Sum(c => c.Kind == CaseKind.SupervisionFinding ? 1 : 0),
            })
            .ToListAsync(cancellationToken);
        Merge(received.Select(r => (Key(r.Key), r)),
            (k, r) => k with { Received = r.Count, Complaints = r.Complaints, RepeatComplaints = r.Repeats, FindingsRaised = r.Findings });

        var closed = await Group(Set(KpiMeasure.Closed, window, filter))
            .Select(g => new { g.Key, Count = g.Count(), Verified = g.Sum(c => c.Kind == CaseKind.SupervisionFinding && c.Status == CaseStatus.Closed ? 1 : 0) })
            .ToListAsync(cancellationToken);
        Merge(closed.Select(r => (Key(r.Key), r)), (k, r) => k with { Closed = r.Count, FindingsVerified = r.Verified });
        Merge(await CountAsync(KpiMeasure.SuggestionsAdopted), (k, n) => k with { SuggestionsAdopted = n });
        // Backlog in two index ranges (still open, closed after the month) rather than one OR, which SQLite
        // answers by reading every case submitted before the month ended.
        foreach (var part in BacklogParts(filter.Apply(db.Cases.AsNoTracking()), window))
        {
            var counts = await Group(part).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            Merge(counts.Select(r => (Key(r.Key), r.Count)), (k, n) => k with { Backlog = k.Backlog + n });
        }

        var contact = await Group(Set(KpiMeasure.ContactDue, window, filter))
            .Select(g => new { g.Key, Due = g.Count(), OnTime = g.Sum(c => c.FirstContactedAt != null && c.FirstContactedAt <= c.ContactBy ? 1 : 0) })
            .ToListAsync(cancellationToken);
        Merge(contact.Select(r => (Key(r.Key), r)), (k, r) => k with { ContactDue = r.Due, ContactOnTime = r.OnTime });

        var resolve = await Group(Set(KpiMeasure.ResolveDue, window, filter))
            .Select(g => new
            {
                g.Key,
                Due = g.Count(),
                // The same test as ResolvedOnTime(), which a grouped Sum cannot take as an expression.
                OnTime = g.Sum(c => (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed) && c.ResolvedAt != null
                    && c.ResolvedAt <= c.OriginalResolveBy ? 1 : 0),
            })
            .ToListAsync(cancellationToken);
        Merge(resolve.Select(r => (Key(r.Key), r)), (k, r) => k with { ResolveDue = r.Due, ResolvedOnTime = r.OnTime });

        var resolved = await Group(Set(KpiMeasure.Resolved, window, filter))
            .Select(g => new { g.Key, Count = g.Count(), Minutes = g.Sum(c => c.AchievedResolveMinutes ?? 0) })
            .ToListAsync(cancellationToken);
        Merge(resolved.Select(r => (Key(r.Key), r)), (k, r) => k with { Resolved = r.Count, ResolveWorkingMinutes = r.Minutes });

        Merge(await CountAsync(KpiMeasure.Reopened), (k, n) => k with { Reopened = n });
        var resolutions = await Group(filter.Apply(db.Cases.AsNoTracking()).Where(InTimeline(CaseAction.Resolve, window)))
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Merge(resolutions.Select(r => (Key(r.Key), r.Count)), (k, n) => k with { ResolutionsInMonth = n });

        var measures = await (
                from m in MeasuresDueIn(window)
                join r in db.Rectifications on m.RectificationId equals r.Id
                join c in filter.Apply(db.Cases.AsNoTracking()) on r.CaseId equals c.Id
                group m by new GroupKey(c.DepartmentId, c.CategoryId, c.ServiceAreaId, c.Kind) into g
                select new { g.Key, Due = g.Count(), Late = g.Sum(m => m.CompletedAt == null || m.CompletedAt > m.DueAt ? 1 : 0) })
            .ToListAsync(cancellationToken);
        Merge(measures.Select(r => (Key(r.Key), r)), (k, r) => k with { MeasuresDue = r.Due, MeasuresLate = r.Late });

        var sent = await GroupSurveys(filter.Apply(db.Surveys.AsNoTracking()).Where(s => s.SentAt >= window.Start && s.SentAt < window.End))
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Merge(sent.Select(r => (Key(r.Key), r.Count)), (k, n) => k with { SurveysSent = n });
        var answers = await GroupSurveys(AnswersIn(window, filter))
            .Select(g => new { g.Key, Count = g.Count(), Satisfied = g.Sum(s => s.Score >= 4 ? 1 : 0), Total = g.Sum(s => s.Score ?? 0) })
            .ToListAsync(cancellationToken);
        Merge(answers.Select(r => (Key(r.Key), r)), (k, r) => k with { SurveyAnswers = r.Count, Satisfied = r.Satisfied, ScoreTotal = r.Total });

        return cells.Select(kv => new KpiCell(kv.Key, kv.Value)).ToList();

        async Task<IEnumerable<(KpiCellKey, int)>> CountAsync(KpiMeasure measure) =>
            (await Group(Set(measure, window, filter)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(r => (Key(r.Key), r.Count));
    }

    /// <summary>
    /// The 90th percentile of working hours from submission to resolution of the cases resolved in the month
    /// (nearest rank: the ⌈0.9·n⌉-th smallest), for the whole and for every row of <paramref name="byRows"/>,
    /// keyed as <see cref="MonthlyReportFigures.P90Key"/>. Rows with nothing resolved have no key; neither has
    /// the triage row (no department to narrow a drill-down to).
    /// One range scan of the covering (ResolvedAt, Status, AchievedResolveMinutes, …) index reads each resolved
    /// case's cell and minutes; the ranks are then taken in memory. A percentile per row in SQL would be one
    /// ORDER BY … OFFSET query per row (EF cannot express SQLite's window functions), and that was most of
    /// the live dashboard's time.
    /// </summary>
    public async Task<Dictionary<string, double?>> ResolutionP90HoursAsync(KpiWindow window, KpiFilter filter, IReadOnlyCollection<KpiDimension> byRows,
        CancellationToken cancellationToken = default)
    {
        var resolved = (await Set(KpiMeasure.Resolved, window, filter)
                .Select(c => new { Key = new GroupKey(c.DepartmentId, c.CategoryId, c.ServiceAreaId, c.Kind), Minutes = c.AchievedResolveMinutes ?? 0 })
                .ToListAsync(cancellationToken))
            .Select(r => (Key: Key(r.Key), r.Minutes))
            .ToList();
        var result = new Dictionary<string, double?> { [MonthlyReportFigures.P90Key(null, null)] = P90Hours(resolved.Select(r => r.Minutes)) };
        foreach (var dimension in byRows)
            foreach (var row in resolved.Where(r => dimension != KpiDimension.Department || r.Key.DepartmentId is not null)
                         .GroupBy(r => r.Key.RowKey(dimension)))
                result[MonthlyReportFigures.P90Key(dimension, row.Key)] = P90Hours(row.Select(r => r.Minutes));
        return result;
    }

    private static double? P90Hours(IEnumerable<long> minutes)
    {
        var sorted = minutes.Order().ToArray();
        return sorted.Length == 0 ? null : sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1] / 60.0;
    }

    /// <summary>
    /// Supervision reviews submitted in the month, by the department and area they were about (index on
    /// SubmittedAt). A review has no category or kind, so a filter on either has no review figure (null).
    /// </summary>
    public async Task<IReadOnlyList<ReviewCount>> ReviewsAsync(KpiWindow window, CancellationToken cancellationToken = default)
    {
        var (start, end) = (window.Start, window.End);
        return await db.Reviews.AsNoTracking()
            .Where(r => r.SubmittedAt >= start && r.SubmittedAt < end)
            .GroupBy(r => new { r.DepartmentId, r.ServiceAreaId })
            .Select(g => new ReviewCount(g.Key.DepartmentId, g.Key.ServiceAreaId, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The cases one figure counts (or, for the "late" and "unsatisfied" measures, fails).</summary>
    public IQueryable<Case> CasesBehind(KpiMeasure measure, KpiWindow window, KpiFilter filter) => Set(measure, window, filter);

    private IQueryable<Case> Set(KpiMeasure measure, KpiWindow w, KpiFilter filter)
    {
        var cases = filter.Apply(db.Cases.AsNoTracking());
        var (start, end, now) = (w.Start, w.End, w.Now);
        return measure switch
        {
            KpiMeasure.Received => cases.Where(c => c.SubmittedAt >= start && c.SubmittedAt < end),
            KpiMeasure.RepeatComplaints => cases.Where(c => c.SubmittedAt >= start && c.SubmittedAt < end && c.Kind == CaseKind.Complaint && c.IsRepeatComplaint),
            KpiMeasure.Closed => cases.Where(c => c.ClosedAt >= start && c.ClosedAt < end),
            KpiMeasure.Backlog => BacklogParts(cases, w)[0].Concat(BacklogParts(cases, w)[1]),
            // A contact deadline counts once it has passed, or earlier if it was met already; rejected cases owe nothing.
            KpiMeasure.ContactDue => cases.Where(c => c.ContactBy >= start && c.ContactBy < end && c.Status != CaseStatus.Rejected
                && (c.FirstContactedAt != null || c.ContactBy <= now)),
            KpiMeasure.ContactLate => cases.Where(c => c.ContactBy >= start && c.ContactBy < end && c.Status != CaseStatus.Rejected
                && c.ContactBy <= now && (c.FirstContactedAt == null || c.FirstContactedAt > c.ContactBy)),
            // The original deadline (extensions do not move it); unresolved past it is a failure.
            KpiMeasure.ResolveDue => cases.Where(c => c.OriginalResolveBy >= start && c.OriginalResolveBy < end && c.Status != CaseStatus.Rejected
                && (c.OriginalResolveBy <= now || ((c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed) && c.ResolvedAt != null))),
            KpiMeasure.ResolvedLate => cases.Where(c => c.OriginalResolveBy >= start && c.OriginalResolveBy < end && c.Status != CaseStatus.Rejected
                && c.OriginalResolveBy <= now).Where(Not(ResolvedOnTime())),
            KpiMeasure.Resolved => cases.Where(c => c.ResolvedAt >= start && c.ResolvedAt < end
                && (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed)),
            KpiMeasure.Reopened => cases.Where(InTimeline(CaseAction.RejectResolution, w)),
            KpiMeasure.SurveyAnswers => cases.Where(c => AnswersIn(w, filter).Select(s => s.CaseId).Contains(c.Id)),
            KpiMeasure.SuggestionsAdopted => cases.Where(c => db.AdoptedSuggestionsClosed(start, end).Contains(c.Id)),
            KpiMeasure.FindingsRaised => cases.Where(c => c.SubmittedAt >= start && c.SubmittedAt < end && c.Kind == CaseKind.SupervisionFinding),
            // A finding is closed only by its verification (accepted, or by default after 7 days); rejected ones were never verified.
            KpiMeasure.FindingsVerified => cases.Where(c => c.ClosedAt >= start && c.ClosedAt < end && c.Kind == CaseKind.SupervisionFinding
                && c.Status == CaseStatus.Closed),
            KpiMeasure.MeasuresLate => cases.Where(c => (
                from m in MeasuresDueIn(w)
                where m.CompletedAt == null || m.CompletedAt > m.DueAt
                join r in db.Rectifications on m.RectificationId equals r.Id
                select r.CaseId).Contains(c.Id)),
            KpiMeasure.Unsatisfied => cases.Where(c => AnswersIn(w, filter).Where(s => s.Score < 4).Select(s => s.CaseId).Contains(c.Id)),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
        };
    }

    /// <summary>
    /// Still open at the end of the month, as two disjoint sets: not closed (yet), or closed after the month
    /// ended (and so by now); both submitted before it ended. Each is one bounded range of the
    /// (ClosedAt, SubmittedAt, …) index.
    /// </summary>
    private static IQueryable<Case>[] BacklogParts(IQueryable<Case> cases, KpiWindow w)
    {
        var (end, now) = (w.End, w.Now);
        return
        [
            cases.Where(c => c.ClosedAt == null && c.SubmittedAt < end),
            cases.Where(c => c.ClosedAt >= end && c.ClosedAt <= now && c.SubmittedAt < end),
        ];
    }

    /// <summary>
    /// Rectification measures due in the month, counted (like deadlines) once the due date has passed or the
    /// measure is done; one range of the (DueAt, …) index.
    /// </summary>
    private IQueryable<RectificationMeasure> MeasuresDueIn(KpiWindow w)
    {
        var (start, end, now) = (w.Start, w.End, w.Now);
        return db.RectificationMeasures.AsNoTracking()
            .Where(m => m.DueAt >= start && m.DueAt < end && (m.DueAt <= now || m.Status == MeasureStatus.Done));
    }

    /// <summary>Resolved (and still resolved or closed) no later than the original deadline.</summary>
    private static Expression<Func<Case, bool>> ResolvedOnTime() =>
        c => (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed) && c.ResolvedAt != null && c.ResolvedAt <= c.OriginalResolveBy;

    private static Expression<Func<Case, bool>> Not(Expression<Func<Case, bool>> predicate) =>
        Expression.Lambda<Func<Case, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary>Cases with that action on their timeline in the month (each case once).</summary>
    private Expression<Func<Case, bool>> InTimeline(CaseAction action, KpiWindow w)
    {
        var (start, end) = (w.Start, w.End);
        var ids = db.CaseEvents.Where(e => e.Action == action && e.At >= start && e.At < end).Select(e => e.CaseId);
        return c => ids.Contains(c.Id);
    }

    private IQueryable<Survey> AnswersIn(KpiWindow w, KpiFilter filter)
    {
        var (start, end) = (w.Start, w.End);
        return filter.Apply(db.Surveys.AsNoTracking()).Where(s => s.AnsweredAt >= start && s.AnsweredAt < end);
    }

    private static IQueryable<IGrouping<GroupKey, Case>> Group(IQueryable<Case> cases) =>
        cases.GroupBy(c => new GroupKey(c.DepartmentId, c.CategoryId, c.ServiceAreaId, c.Kind));

    private static IQueryable<IGrouping<GroupKey, Survey>> GroupSurveys(IQueryable<Survey> surveys) =>
        surveys.GroupBy(s => new GroupKey(s.DepartmentId, s.CategoryId, s.ServiceAreaId, s.Kind));

    private static KpiCellKey Key(GroupKey key) => new(key.DepartmentId, key.CategoryId, key.ServiceAreaId, key.Kind);

    private sealed record GroupKey(Guid? DepartmentId, Guid CategoryId, Guid ServiceAreaId, CaseKind Kind);
}

public static class KpiFilterQueries
{
    public static IQueryable<Case> Apply(this KpiFilter filter, IQueryable<Case> cases)
    {
        if (filter.DepartmentId is { } department) cases = cases.Where(c => c.DepartmentId == department);
        if (filter.CategoryId is { } category) cases = cases.Where(c => c.CategoryId == category);
        if (filter.ServiceAreaId is { } area) cases = cases.Where(c => c.ServiceAreaId == area);
        if (filter.Kind is { } kind) cases = cases.Where(c => c.Kind == kind);
        return cases;
    }

    public static IQueryable<Survey> Apply(this KpiFilter filter, IQueryable<Survey> surveys)
    {
        if (filter.DepartmentId is { } department) surveys = surveys.Where(s => s.DepartmentId == department);
        if (filter.CategoryId is { } category) surveys = surveys.Where(s => s.CategoryId == category);
        if (filter.ServiceAreaId is { } area) surveys = surveys.Where(s => s.ServiceAreaId == area);
        if (filter.Kind is { } kind) surveys = surveys.Where(s => s.Kind == kind);
        return surveys;
    }
}
