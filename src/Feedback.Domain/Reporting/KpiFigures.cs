using Feedback.Domain.Cases;

namespace Feedback.Domain.Reporting;

/// <summary>Which cases the figures are about: any combination of department, category, area and kind (null = all).</summary>
public sealed record KpiFilter(Guid? DepartmentId = null, Guid? CategoryId = null, Guid? ServiceAreaId = null, CaseKind? Kind = null)
{
    public static readonly KpiFilter All = new();

    public bool IsEmpty => DepartmentId is null && CategoryId is null && ServiceAreaId is null && Kind is null;

    /// <summary>The reviews this filter selects; none can be selected by category or kind (a review has neither).</summary>
    public IReadOnlyList<ReviewCount>? Select(IReadOnlyList<ReviewCount>? reviews) =>
        reviews is null || CategoryId is not null || Kind is not null
            ? null
            : reviews.Where(r => (DepartmentId is null || r.DepartmentId == DepartmentId) && (ServiceAreaId is null || r.ServiceAreaId == ServiceAreaId)).ToList();

    public bool Matches(KpiCellKey key) =>
        (DepartmentId is null || key.DepartmentId == DepartmentId) && (CategoryId is null || key.CategoryId == CategoryId)
        && (ServiceAreaId is null || key.ServiceAreaId == ServiceAreaId) && (Kind is null || key.Kind == Kind);
}

/// <summary>What a table's rows are.</summary>
public enum KpiDimension { Department, Category, Area, Kind }

/// <summary>The finest grain the figures are counted at; every table and total is a sum of these cells.</summary>
public sealed record KpiCellKey(Guid? DepartmentId, Guid CategoryId, Guid ServiceAreaId, CaseKind Kind)
{
    /// <summary>The row this cell belongs to in a table by <paramref name="dimension"/> ("" = no department: triage).</summary>
    public string RowKey(KpiDimension dimension) => dimension switch
    {
        KpiDimension.Department => DepartmentId?.ToString() ?? "",
        KpiDimension.Category => CategoryId.ToString(),
        KpiDimension.Area => ServiceAreaId.ToString(),
        _ => Kind.ToString(),
    };
}

/// <summary>
/// The counts behind the KPIs of DESIGN §5, for one cell or summed over many. Every rate is a ratio of two
/// counts here, so totals are exact sums (never averages of rates). A rate with nothing to divide by is null
/// (shown as "—"), not zero.
/// </summary>
public sealed record KpiCounts
{
    public static readonly KpiCounts Zero = new();

    /// <summary>Cases submitted in the month.</summary>
    public int Received { get; init; }
    /// <summary>Cases closed (or rejected) in the month.</summary>
    public int Closed { get; init; }
    /// <summary>Cases submitted before the month ended and not closed by then.</summary>
    public int Backlog { get; init; }
    /// <summary>Cases whose contact deadline fell in the month (and has passed, or was met already).</summary>
    public int ContactDue { get; init; }
    public int ContactOnTime { get; init; }
    /// <summary>Cases whose original resolution deadline fell in the month (and has passed, or was met already).</summary>
    public int ResolveDue { get; init; }
    public int ResolvedOnTime { get; init; }
    /// <summary>Cases resolved in the month (their latest resolution) with the working minutes it took.</summary>
    public int Resolved { get; init; }
    public long ResolveWorkingMinutes { get; init; }
    /// <summary>Cases with a resolution in the month, and those of them reopened in the month.</summary>
    public int ResolutionsInMonth { get; init; }
    public int Reopened { get; init; }
    public int Complaints { get; init; }
    public int RepeatComplaints { get; init; }
    public int SurveysSent { get; init; }
    public int SurveyAnswers { get; init; }
    /// <summary>Answers scoring 4 or 5.</summary>
    public int Satisfied { get; init; }
    public long ScoreTotal { get; init; }
    /// <summary>Suggestions closed in the month whose decision was "adopted" (采纳合理化建议).</summary>
    public int SuggestionsAdopted { get; init; }
    /// <summary>Supervision findings raised (filed) in the month.</summary>
    public int FindingsRaised { get; init; }
    /// <summary>Supervision findings closed as verified in the month: accepted by the supervisor, or verified by default.</summary>
    public int FindingsVerified { get; init; }
    /// <summary>Rectification measures whose due date fell in the month (and has passed, or that were done already).</summary>
    public int MeasuresDue { get; init; }
    /// <summary>Of those, the ones not done by their due date (done late, or still open past it).</summary>
    public int MeasuresLate { get; init; }

    public double? TimelyContactRate => Ratio(ContactOnTime, ContactDue);
    public double? CommitmentFulfilmentRate => Ratio(ResolvedOnTime, ResolveDue);
    public double? SatisfactionRate => Ratio(Satisfied, SurveyAnswers);
    public double? MeanScore => SurveyAnswers == 0 ? null : (double)ScoreTotal / SurveyAnswers;
    public double? ResponseRate => Ratio(SurveyAnswers, SurveysSent);
    public double? MeanResolutionHours => Resolved == 0 ? null : ResolveWorkingMinutes / 60.0 / Resolved;
    public double? ReopenRate => Ratio(Reopened, ResolutionsInMonth);
    public double? RepeatComplaintRate => Ratio(RepeatComplaints, Complaints);
    public double? MeasuresOnTimeRate => Ratio(MeasuresDue - MeasuresLate, MeasuresDue);

    public KpiCounts Plus(KpiCounts o) => new()
    {
        Received = Received + o.Received,
        Closed = Closed + o.Closed,
        Backlog = Backlog + o.Backlog,
        ContactDue = ContactDue + o.ContactDue,
        ContactOnTime = ContactOnTime + o.ContactOnTime,
        ResolveDue = ResolveDue + o.ResolveDue,
        ResolvedOnTime = ResolvedOnTime + o.ResolvedOnTime,
        Resolved = Resolved + o.Resolved,
        ResolveWorkingMinutes = ResolveWorkingMinutes + o.ResolveWorkingMinutes,
        ResolutionsInMonth = ResolutionsInMonth + o.ResolutionsInMonth,
        Reopened = Reopened + o.Reopened,
        Complaints = Complaints + o.Complaints,
        RepeatComplaints = RepeatComplaints + o.RepeatComplaints,
        SurveysSent = SurveysSent + o.SurveysSent,
        SurveyAnswers = SurveyAnswers + o.SurveyAnswers,
        Satisfied = Satisfied + o.Satisfied,
        ScoreTotal = ScoreTotal + o.ScoreTotal,
        SuggestionsAdopted = SuggestionsAdopted + o.SuggestionsAdopted,
        FindingsRaised = FindingsRaised + o.FindingsRaised,
        FindingsVerified = FindingsVerified + o.FindingsVerified,
        MeasuresDue = MeasuresDue + o.MeasuresDue,
        MeasuresLate = MeasuresLate + o.MeasuresLate,
    };

    public static KpiCounts Sum(IEnumerable<KpiCounts> counts) => counts.Aggregate(Zero, (a, b) => a.Plus(b));

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

public sealed record KpiCell(KpiCellKey Key, KpiCounts Counts);

/// <summary>Supervision reviews submitted in a month about one department (null: none named) in one area.</summary>
public sealed record ReviewCount(Guid? DepartmentId, Guid ServiceAreaId, int Count);

/// <summary>The cases behind one figure (the dashboard's drill-down).</summary>
public enum KpiMeasure
{
    Received, Closed, Backlog, ContactDue, ContactLate, ResolveDue, ResolvedLate, Resolved, Reopened,
    RepeatComplaints, SurveyAnswers, Unsatisfied, SuggestionsAdopted, FindingsRaised, FindingsVerified, MeasuresLate,
}
