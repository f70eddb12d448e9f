using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Reporting;
using Feedback.Domain.Satisfaction;
using Feedback.Domain.Sla;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Reports;

/// <summary>
/// Hand-built cases on the shipped 2026 calendar (working days 08:30–12:00 and 13:30–17:30, 450 minutes),
/// stored in a fresh SQLite database so that the KPI queries run as they do in the app. Every case is held
/// to 1 working day for contact and 5 for resolution, and filed at 10:00 Beijing time unless said otherwise.
/// </summary>
public sealed class KpiWorld : IDisposable
{
    public const long Day = 450;
    public static readonly WorkCalendar Calendar = ShippedSetup.WorkCalendar;
    public static readonly TimeZoneInfo Shanghai = ShippedSetup.Shanghai;
    private static readonly SlaPolicy Policy = new("标准 Standard", 1, new SlaTarget(1, TargetUnit.WorkingDays), new SlaTarget(5, TargetUnit.WorkingDays));

    public readonly SqliteDatabase Database = new();
    public readonly Department DepartmentA = new("dept-a", "甲部门", "Department A");
    public readonly Department DepartmentB = new("dept-b", "乙部门", "Department B");
    public readonly Category Billing = new("billing", "电费", "Billing");
    public readonly Category Outage = new("outage", "停电", "Outage");
    public readonly ServiceArea Area = new("bincheng", "滨城区", "Bincheng");

    // No user ids: the database holds no accounts for them to refer to.
    public static readonly CaseParticipant Staff = Participant(Actor.Staff);
    public static readonly CaseParticipant Head = Participant(Actor.DepartmentHead);
    public static readonly CaseParticipant Submitter = Participant(Actor.Submitter);
    public static readonly CaseParticipant Dispatcher = Participant(Actor.Dispatcher);

    private static CaseParticipant Participant(Actor capacity) => new(null, capacity.ToString(), new HashSet<Actor> { capacity });

    private readonly List<Case> _cases = [];
    private readonly List<Survey> _surveys = [];

    public KpiWorld()
    {
        using var db = Database.NewContext();
        db.Departments.AddRange(DepartmentA, DepartmentB);
        db.Categories.AddRange(Billing, Outage);
        db.ServiceAreas.Add(Area);
        db.SaveChanges();
    }

    public static DateTimeOffset At(int month, int day, int hour = 10, int minute = 0) => ShippedSetup.ShanghaiTime(2026, month, day, hour, minute);

    /// <summary>Files a case with the standard deadlines and routes it to <paramref name="department"/> (A by default).</summary>
    public Case File(DateTimeOffset at, CaseKind kind = CaseKind.Complaint, string phone = "13800000000", Category? category = null,
        Department? department = null, bool route = true)
    {
        var @case = Case.Submit(
            new NewCase(kind, Channel.Web, (category ?? Billing).Id, Area.Id, "电费异常", "本月电费异常。", false,
                new ContactDetails("张三", phone, null, null, null), "zh-CN"),
            TrackingNumber.New(at), "123456", at);
        @case.HoldTo(Policy.DeadlinesFrom(at, Calendar));
        if (route)
            @case.Route(department ?? DepartmentA, Priority.Normal, CaseParticipant.System, at);
        @case.RefreshDeadlines(Calendar, at);
        _cases.Add(@case);
        return @case;
    }

    public static void Refresh(Case @case, DateTimeOffset now) => @case.RefreshDeadlines(Calendar, now);

    public Survey Survey(Case @case, DateTimeOffset sentAt, int? score = null, bool resolved = true, DateTimeOffset? answeredAt = null)
    {
        var (survey, _) = Satisfaction.Survey.Send(@case, sentAt);
        if (score is { } s)
            survey.Answer(s, resolved, null, answeredAt ?? sentAt.AddDays(1));
        _surveys.Add(survey);
        return survey;
    }

    /// <summary>Stores every case and survey made so far (once).</summary>
    public void Save()
    {
        using var db = Database.NewContext();
        foreach (var @case in _cases) @case.ClearDomainEvents();
        foreach (var survey in _surveys) survey.ClearDomainEvents();
        db.Cases.AddRange(_cases);
        db.Surveys.AddRange(_surveys);
        db.SaveChanges();
        _cases.Clear();
        _surveys.Clear();
    }

    public async Task<KpiCounts> CountAsync(ReportMonth month, DateTimeOffset now, KpiFilter? filter = null)
    {
        await using var db = Database.NewContext();
        var cells = await new KpiCalculator(db).CellsAsync(KpiWindow.For(month, Shanghai, now), filter ?? KpiFilter.All);
        return KpiCounts.Sum(cells.Select(c => c.Counts));
    }

    public async Task<IReadOnlyList<KpiCell>> CellsAsync(ReportMonth month, DateTimeOffset now, KpiFilter? filter = null)
    {
        await using var db = Database.NewContext();
        return await new KpiCalculator(db).CellsAsync(KpiWindow.For(month, Shanghai, now), filter ?? KpiFilter.All);
    }

    public async Task<double?> P90Async(ReportMonth month, DateTimeOffset now, KpiFilter? filter = null) =>
        (await P90sAsync(month, now, [], filter))[MonthlyReportFigures.P90Key(null, null)];

    /// <summary>The percentiles of the whole and of each row of the tables by <paramref name="byRows"/>, by key.</summary>
    public async Task<Dictionary<string, double?>> P90sAsync(ReportMonth month, DateTimeOffset now, KpiDimension[] byRows, KpiFilter? filter = null)
    {
        await using var db = Database.NewContext();
        return await new KpiCalculator(db).ResolutionP90HoursAsync(KpiWindow.For(month, Shanghai, now), filter ?? KpiFilter.All, byRows);
    }

    public async Task<IReadOnlyList<ReviewCount>> ReviewsAsync(ReportMonth month, DateTimeOffset now)
    {
        await using var db = Database.NewContext();
        return await new KpiCalculator(db).ReviewsAsync(KpiWindow.For(month, Shanghai, now));
    }

    public async Task<HashSet<Guid>> CasesBehindAsync(KpiMeasure measure, ReportMonth month, DateTimeOffset now, KpiFilter? filter = null)
    {
        await using var db = Database.NewContext();
        var ids = new KpiCalculator(db).CasesBehind(measure, KpiWindow.For(month, Shanghai, now), filter ?? KpiFilter.All).Select(c => c.Id);
        return [.. await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(ids)];
    }

    public void Dispose() => Database.Dispose();
}
