using System.Diagnostics;
using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Rectification;
using Feedback.Domain.Reporting;
using Feedback.Domain.Reporting.Commands;
using Feedback.Domain.Satisfaction;
using Feedback.Domain.Sla;
using Feedback.Domain.Supervision;
using Feedback.Web.Infrastructure.Outbox;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Reports;

/// <summary>
/// <c>dotnet run --project src/Feedback.Web -- seed-demo --cases 100000 --months 12</c>: realistic case
/// histories for trying the reports at volume. Every case goes through the domain's own methods (the
/// transition table, deadlines replayed on the working calendar, escalation, extensions, reopenings, surveys,
/// rectification records with measures, suggestion decisions, the supervisor's review behind each finding),
/// with timestamps spread over the last months; rows are written in batches, one transaction per batch,
/// without the per-save interceptors. Past months are then frozen as monthly reports. No email is queued.
/// </summary>
public static class DemoData
{
    private const int BatchSize = 5000;

    /// <summary>Runs the command if the arguments ask for it (after migrations and seeding); returns whether it did.</summary>
    public static async Task<bool> RunIfAskedAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "seed-demo")
            return false;
        var cases = Option(args, "--cases", 100_000, 1, 5_000_000);
        var months = Option(args, "--months", 12, 1, 60);
        await new Generator(app.Services, cases, months).RunAsync();
        return true;
    }

    private static int Option(string[] args, string name, int fallback, int min, int max)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0) return fallback;
        if (index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        throw new ArgumentException($"{name} needs a whole number from {min} to {max}.");
    }

    private sealed class Generator(IServiceProvider services, int count, int months)
    {
        private readonly Random _random = new(2026);
        private readonly HashSet<string> _trackingNumbers = [];
        private readonly Dictionary<(string, Guid), DateTimeOffset> _lastComplaint = [];
        private Dictionary<Guid, (Guid Id, string Name)[]> _staff = [];
        private Guid? _supervisorUserId;
        private Guid[] _dimensions = [];
        private Dictionary<Guid, Guid[]> _servicePoints = [];

        /// <summary>One generated case and what its life produced besides its own rows.</summary>
        private sealed class Story(Case @case)
        {
            public Case Case { get; } = @case;
            public Survey? Survey { get; set; }
            public CaseRectification? Rectification { get; set; }
            public SuggestionDecision? Decision { get; set; }
            public Review? Review { get; set; }
        }

        private static readonly CaseParticipant Staff = Participant(Actor.Staff, "演示员工");
        private static readonly CaseParticipant Head = Participant(Actor.DepartmentHead, "演示部门负责人");
        private static readonly CaseParticipant Submitter = Participant(Actor.Submitter, "");
        private static readonly CaseParticipant Dispatcher = Participant(Actor.Dispatcher, "演示坐席");

        private static CaseParticipant Participant(Actor capacity, string name) => new(null, name, new HashSet<Actor> { capacity });

        public async Task RunAsync()
        {
            var clock = Stopwatch.StartNew();
            var scopes = services.GetRequiredService<IServiceScopeFactory>();
            string connectionString;
            OrganisationSnapshot org;
            WorkCalendar calendar;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
                connectionString = db.Database.GetConnectionString()!;
                org = await services.GetRequiredService<OrganisationCache>().GetAsync();
                calendar = await services.GetRequiredService<WorkCalendarSource>().GetAsync(db);
                _staff = (await db.Users.AsNoTracking().Where(u => u.DepartmentId != null).Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).ToListAsync())
                    .GroupBy(u => u.DepartmentId!.Value).ToDictionary(g => g.Key, g => g.Select(u => (u.Id, u.DisplayName)).ToArray());
                _supervisorUserId = await db.Supervisors.AsNoTracking().OrderBy(s => s.Name).Select(s => (Guid?)s.UserId).FirstOrDefaultAsync();
                _dimensions = await db.ReviewDimensions.AsNoTracking().Select(d => d.Id).ToArrayAsync();
                _servicePoints = (await db.ServicePoints.AsNoTracking().Select(p => new { p.Id, p.ServiceAreaId }).ToListAsync())
                    .GroupBy(p => p.ServiceAreaId).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToArray());
            }
            if (_supervisorUserId is null)
                Console.WriteLine("No supervisor is appointed: supervision findings are generated without reviews.");
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var from = now.AddMonths(-months);
            // Filed in time order, so the repeat-complaint flag sees earlier complaints as the lookup at submission would.
            var times = Enumerable.Range(0, count).Select(_ => from + (now - from) * _random.NextDouble()).Order().ToArray();
            var departments = DepartmentsByCategory(org);
            var phones = Enumerable.Range(0, Math.Max(100, count / 2)).Select(i => $"13{_random.Next(0, 10)}{i:D8}").ToArray();

            Console.WriteLine($"Generating {count:N0} cases over {months} months ({from:yyyy-MM-dd} to {now:yyyy-MM-dd})…");
            var options = new DbContextOptionsBuilder<FeedbackDbContext>().UseSqlite(connectionString).Options;
            var written = 0;
            while (written < count)
            {
                await using var db = new FeedbackDbContext(options);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await using var transaction = await db.Database.BeginTransactionAsync();
                var end = Math.Min(count, written + BatchSize);
                for (var i = written; i < end; i++)
                {
                    var story = Build(times[i], now, org, calendar, departments, phones);
                    db.Cases.Add(story.Case);
                    if (story.Survey is not null) db.Surveys.Add(story.Survey);
                    if (story.Rectification is not null) db.Rectifications.Add(story.Rectification);
                    if (story.Decision is not null) db.SuggestionDecisions.Add(story.Decision);
                    if (story.Review is not null) db.Reviews.Add(story.Review);
                }
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                written = end;
                Progress(written, count, clock.Elapsed);
            }
            Console.WriteLine();
            Console.WriteLine($"Cases written in {clock.Elapsed.TotalSeconds:F1} s.");

            var frozen = 0;
            var zone = calendar.TimeZone;
            for (var month = ReportMonth.Of(from, zone); month < ReportMonth.Of(now, zone); month = month.Next)
            {
                await using var scope = scopes.CreateSystemScope();
                var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
                if (await db.MonthlyReports.AnyAsync(r => r.Year == month.Year && r.Month == month.Month))
                    continue;
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FreezeMonthlyReport(month.ToString()));
                frozen++;
            }
            Console.WriteLine($"Froze {frozen} monthly reports.");
            await using (var scope = scopes.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            var size = File.Exists(file) ? new FileInfo(file).Length : 0;
            Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s. Database {file}: {size / 1024.0 / 1024.0:F1} MB.");
        }

        private static void Progress(int done, int total, TimeSpan elapsed)
        {
            const int width = 40;
            var filled = (int)((long)done * width / total);
            Console.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done * 100 / total,3}% {done:N0}/{total:N0} {elapsed.TotalSeconds:F1} s ");
        }

        private static Dictionary<Guid, Guid> DepartmentsByCategory(OrganisationSnapshot org)
        {
            Guid Department(string code) => org.Departments.First(d => d.Code == code).Id;
            var byCode = new Dictionary<string, string>
            {
                ["outage"] = "operations", ["billing"] = "billing-centre", ["new-connection"] = "new-connections",
                ["metering"] = "metering-centre", ["conduct"] = "service-centre", ["designated-contractors"] = "integrity-office",
                ["other"] = "service-centre",
            };
            return org.Categories.ToDictionary(c => c.Id, c => Department(byCode.GetValueOrDefault(c.Code, "service-centre")));
        }

        private Story Build(DateTimeOffset filed, DateTimeOffset now, OrganisationSnapshot org, WorkCalendar calendar,
            Dictionary<Guid, Guid> departments, string[] phones)
        {
            var kind = Pick((CaseKind.Complaint, 55), (CaseKind.Suggestion, 15), (CaseKind.Praise, 10), (CaseKind.Report, 5), (CaseKind.SupervisionFinding, 15));
            var channel = kind == CaseKind.SupervisionFinding ? Channel.SupervisorReview
                : Pick((Channel.Web, 45), (Channel.Hotline, 35), (Channel.InPerson, 8), (Channel.Email, 7), (Channel.Letter, 5));
            var category = org.Categories[_random.Next(org.Categories.Count)];
            var area = org.Areas[_random.Next(org.Areas.Count)];
            var phone = phones[(int)Math.Min(phones.Length - 1, Math.Abs(_random.NextDouble() * _random.NextDouble()) * phones.Length)];
            var email = _random.Next(100) < 35 ? $"demo{_random.Next(1_000_000)}@example.com" : null;
            var accused = kind == CaseKind.Report ? org.Departments.First(d => !d.IsIntegrityOffice).Id : (Guid?)null;
            var @case = Case.Submit(
                new NewCase(kind, channel, category.Id, area.Id, $"演示工单：{category.NameZh}", "演示数据，用于试用统计报表。", false,
                    new ContactDetails("演示客户", phone, email, null, null), _random.Next(10) == 0 ? "en" : "zh-CN", AccusedDepartmentId: accused),
                TrackingNumberFor(filed, calendar), "000000", filed);

            if (kind == CaseKind.Complaint && @case.ContactPhoneKey is { } key)
            {
                if (_lastComplaint.TryGetValue((key, category.Id), out var last) && filed - last <= TimeSpan.FromDays(Case.RepeatWindowDays))
                    @case.FlagAsRepeatComplaint();
                _lastComplaint[(key, category.Id)] = filed;
            }

            var priority = _random.Next(20) == 0 ? Priority.High : Priority.Normal;
            if (SlaPolicy.Select(org.Policies, kind, category.Id, priority) is { } policy)
                @case.HoldTo(policy.DeadlinesFrom(filed, calendar));
            var story = new Story(@case);
            if (kind == CaseKind.SupervisionFinding && _supervisorUserId is { } supervisor)
                story.Review = ReviewFor(@case, supervisor, filed, area.Id, calendar);
            story.Survey = Live(story, filed, now, org.Department(kind == CaseKind.Report ? org.IntegrityOfficeId : departments[category.Id])!, priority, calendar);
            @case.RefreshDeadlines(calendar, now);
            // The ladder's steps (and overdue measures' warnings) that are past fire here, quietly, so the
            // background scans do not mail them all on the next start.
            if (@case.IsOpen)
                @case.Escalate(calendar, now);
            story.Rectification?.WarnOverdue(@case, now);
            @case.ClearDomainEvents();
            story.Survey?.ClearDomainEvents();
            story.Rectification?.ClearDomainEvents();
            story.Decision?.ClearDomainEvents();
            return story;
        }

        /// <summary>The supervisor's review that raised a finding: at a service point of the area when there is one.</summary>
        private Review ReviewFor(Case finding, Guid supervisor, DateTimeOffset filed, Guid areaId, WorkCalendar calendar)
        {
            var points = _servicePoints.GetValueOrDefault(areaId) ?? [];
            var point = points.Length > 0 ? points[_random.Next(points.Length)] : (Guid?)null;
            var review = new Review(supervisor, point is null ? ReviewTarget.Area : ReviewTarget.ServicePoint, point, null, areaId,
                DateOnly.FromDateTime(calendar.ToLocal(filed).Date), "演示评议。",
                _dimensions.Select(d => (d, Pick((5, 30), (4, 35), (3, 20), (2, 10), (1, 5)))), filed);
            review.AddFinding(finding.Id);
            return review;
        }

        /// <summary>Root cause and one to three measures owned by the department's staff, due within a few working days.</summary>
        private CaseRectification? Rectify(Case @case, Guid department, DateTimeOffset at, WorkCalendar calendar)
        {
            var rectification = CaseRectification.Record(@case, "演示：根本原因为现场管理不到位。", Staff, at);
            if (_staff.GetValueOrDefault(department) is not { Length: > 0 } people)
                return rectification;
            for (var i = _random.Next(1, 4); i > 0; i--)
            {
                var (id, name) = people[_random.Next(people.Length)];
                var dueOn = DateOnly.FromDateTime(calendar.ToLocal(calendar.AddWorkingMinutes(at, (long)((1 + _random.NextDouble() * 6) * calendar.StandardDayMinutes))).Date);
                var dueAt = new DateTimeOffset(dueOn.ToDateTime(new TimeOnly(23, 59)), calendar.TimeZone.GetUtcOffset(at)).ToUniversalTime();
                rectification.AddMeasure(@case, "演示整改措施：加强培训并复查。", id, name, dueOn, dueAt, Staff, at);
            }
            return rectification;
        }

        /// <summary>Completes the measures done by <paramref name="by"/> (the resolution): most on time, some late; none after now.</summary>
        private void CompleteMeasures(Story story, DateTimeOffset by, DateTimeOffset now)
        {
            if (story.Rectification is not { } rectification) return;
            foreach (var measure in rectification.Measures.ToList())
            {
                // Done somewhere between recording and the due date (or the resolution, if that comes first); one in ten a little late.
                var until = measure.DueAt < by ? measure.DueAt : by;
                var done = _random.Next(100) < 10 && measure.DueAt < by
                    ? measure.DueAt.AddHours(_random.Next(1, 48))
                    : rectification.RecordedAt + (until - rectification.RecordedAt) * (0.3 + _random.NextDouble() * 0.7);
                if (done <= by && done <= now)
                    rectification.CompleteMeasure(story.Case, measure.Id, "已完成。", Staff, done);
            }
        }

        /// <summary>Plays the case's life forward from filing; stops where "now" is. Returns its survey, if it got one.</summary>
        private Survey? Live(Story story, DateTimeOffset filed, DateTimeOffset now, Department department, Priority priority, WorkCalendar calendar)
        {
            var @case = story.Case;
            var day = calendar.StandardDayMinutes;
            var resolveTarget = @case.ResolveBy is { } due ? calendar.WorkingMinutesBetween(filed, due) : 5 * day;
            DateTimeOffset After(DateTimeOffset t, double workingDays) => calendar.AddWorkingMinutes(t, (long)Math.Max(1, workingDays * day));
            bool Past(DateTimeOffset t) => t <= now;

            if (_random.Next(100) < 3)
            {
                var at = filed.AddMinutes(_random.Next(10, 600));
                if (Past(at)) @case.Reject(Pick((RejectionReason.Spam, 50), (RejectionReason.Invalid, 30), (RejectionReason.OutOfScope, 20)), "演示", null, Dispatcher, at);
                return null;
            }
            // A few wait in triage for a while before the dispatcher routes them by hand.
            var routedAt = _random.Next(100) < 5 ? filed.AddHours(_random.Next(1, 30)) : filed;
            if (!Past(routedAt)) return null;
            @case.Route(department, priority, CaseParticipant.System, routedAt);

            var t = After(routedAt, 0.05 + _random.NextDouble() * 0.5);
            if (!Past(t)) return null;
            @case.Accept(Staff, t);

            // Most reach the customer well within the contact deadline; some are late.
            var contact = After(filed, _random.Next(100) < 85 ? _random.NextDouble() * 0.8 : 1 + _random.NextDouble() * 2);
            if (contact < t) contact = t.AddMinutes(5);
            if (!Past(contact)) return null;
            @case.PostPublicReply("您好，我们已受理并正在处理。", Staff, contact);
            t = contact;
            // Findings always get a rectification record; a share of complaints and misconduct reports do too.
            if (CaseRectification.AppliesTo(@case.Kind) && (@case.Kind == CaseKind.SupervisionFinding || _random.Next(100) < 30))
                story.Rectification = Rectify(@case, department.Id, t, calendar);

            if (_random.Next(100) < 10)
            {
                t = After(t, 0.2 + _random.NextDouble());
                if (!Past(t)) return null;
                @case.RequestInformation("请提供户号和电表编号。", Staff, t);
                t = t.AddHours(4 + _random.Next(0, 70));
                if (!Past(t)) return null;
                @case.ProvideInformation("户号 1234567。", Submitter, t);
            }
            if (_random.Next(100) < 5 && @case.ResolveBy is not null)
            {
                var asked = After(t, 0.1);
                if (!Past(asked)) return null;
                var extension = @case.RequestExtension(_random.Next(1, 6), "需要现场勘查。", calendar, Staff, asked);
                @case.DecideExtension(extension.Id, _random.Next(100) < 80, null, calendar, Head, asked.AddHours(1));
                t = asked.AddHours(1);
            }

            // Resolution at a share of the target: about one in seven runs late.
            var share = _random.Next(100) < 86 ? 0.15 + _random.NextDouble() * 0.8 : 1.05 + _random.NextDouble() * 0.8;
            var resolvedAt = calendar.AddWorkingMinutes(filed, (long)(resolveTarget * share) + @case.PausedWorkingMinutes);
            if (resolvedAt <= t) resolvedAt = t.AddMinutes(30);
            CompleteMeasures(story, resolvedAt.AddMinutes(-10), now);
            if (!Past(resolvedAt)) return null;
            if (@case.Kind == CaseKind.Suggestion)
                story.Decision = SuggestionDecision.Decide(@case, Pick((SuggestionVerdict.Adopted, 40), (SuggestionVerdict.PartlyAdopted, 25), (SuggestionVerdict.NotAdopted, 35)),
                    "演示：结合现有条件作出的决定。", Staff, resolvedAt.AddMinutes(-5));
            @case.Resolve("已处理完毕，详见答复。", Staff, resolvedAt);

            var (survey, _) = Survey.Send(@case, resolvedAt);
            if (_random.Next(100) < 5)
            {
                var rejected = resolvedAt.AddHours(_random.Next(2, 48));
                if (!Past(rejected)) return Settle(survey, now);
                @case.RejectResolution("问题仍未解决。", Submitter, rejected);
                var resumed = After(rejected, 0.1);
                if (!Past(resumed)) return Settle(survey, now);
                @case.Resume(Staff, resumed);
                var again = After(resumed, 0.5 + _random.NextDouble() * 2);
                if (!Past(again)) return Settle(survey, now);
                @case.Resolve("已再次处理。", Staff, again);
                resolvedAt = again;
            }

            var answered = _random.Next(100) < 65 ? resolvedAt.AddHours(_random.Next(1, 160)) : (DateTimeOffset?)null;
            if (answered is { } a && Past(a) && survey.IsOpenAt(a))
            {
                var score = Pick((5, 50), (4, 25), (3, 12), (2, 8), (1, 5));
                var solved = score >= 3 ? _random.Next(100) < 95 : _random.Next(100) < 40;
                survey.Answer(score, solved, score <= 2 ? "处理速度太慢。" : null, a);
                if (survey.NeedsCallback && Past(a.AddHours(8)) && _random.Next(100) < 70)
                    survey.RecordCallback("已回电致歉并说明处理情况。", null, a.AddHours(_random.Next(2, 30)));
                if (solved && @case.Status == CaseStatus.Resolved)
                    @case.AutoClose("满意度回访：客户确认问题已解决 / Satisfaction survey: the customer says it is solved", a);
            }
            if (@case.Status == CaseStatus.Resolved)
            {
                var confirmed = resolvedAt.AddHours(_random.Next(1, 150));
                if (_random.Next(100) < 55 && Past(confirmed))
                    @case.ConfirmResolution(null, Submitter, confirmed);
                else if (Past(resolvedAt.AddDays(7)))
                    @case.AutoClose("7 天未答复，自动办结。", resolvedAt.AddDays(7));
            }
            return Settle(survey, now);
        }

        /// <summary>Reminds and closes the survey as the sweep would have by now.</summary>
        private static Survey Settle(Survey survey, DateTimeOffset now)
        {
            while (survey.NextStepAt is { } due && due <= now)
                survey.Advance(due);
            return survey;
        }

        private string TrackingNumberFor(DateTimeOffset filed, WorkCalendar calendar)
        {
            while (true)
            {
                var number = TrackingNumber.New(calendar.ToLocal(filed));
                if (_trackingNumbers.Add(number)) return number;
            }
        }

        private T Pick<T>(params (T Value, int Weight)[] choices)
        {
            var roll = _random.Next(choices.Sum(c => c.Weight));
            foreach (var (value, weight) in choices)
            {
                if (roll < weight) return value;
                roll -= weight;
            }
            return choices[^1].Value;
        }
    }
}
