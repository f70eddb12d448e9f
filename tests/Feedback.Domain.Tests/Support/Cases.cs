using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;

namespace Feedback.Domain.Tests.Support;

/// <summary>Cases in a given status, and participants holding exactly one capacity.</summary>
public static class TestCases
{
    public static readonly Department DepartmentA = new("dept-a", "甲部门", "Department A");
    public static readonly Department DepartmentB = new("dept-b", "乙部门", "Department B");
    /// <summary>纪检监察室: the one department that may hold a misconduct report.</summary>
    public static readonly Department IntegrityOffice = new("integrity", "纪检监察室", "Integrity office", isIntegrityOffice: true);
    public static readonly Guid Category = Guid.NewGuid();
    public static readonly Guid Area = Guid.NewGuid();
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    public const string Pin = "123456";

    public static CaseParticipant As(Actor capacity) =>
        capacity == Actor.System ? CaseParticipant.System : new CaseParticipant(Guid.NewGuid(), capacity.ToString(), new HashSet<Actor> { capacity });

    public static Case New(CaseKind kind = CaseKind.Complaint, Guid? accusedDepartment = null) =>
        Case.Submit(
            new NewCase(kind, Channel.Web, Category, Area, "电费异常 Bill too high", "本月电费比上月高出三倍。", false,
                new ContactDetails("张三", "13812345678", "zhang@example.com", null, null), "zh-CN",
                SubmitterUserId: Guid.NewGuid(), AccusedDepartmentId: accusedDepartment),
            "260302-K7M3QX", Pin, Now);

    /// <summary>A case brought to <paramref name="status"/> along the lifecycle's ordinary path.</summary>
    public static Case InStatus(CaseStatus status)
    {
        var @case = New();
        var staff = As(Actor.Staff);
        var submitter = As(Actor.Submitter);
        var deadlines = new CaseDeadlines(Now.AddHours(8), Now.AddDays(7), null);
        switch (status)
        {
            case CaseStatus.Submitted: break;
            case CaseStatus.Rejected:
                @case.Reject(RejectionReason.Spam, "spam", null, As(Actor.Dispatcher), Now);
                break;
            default:
                @case.HoldTo(deadlines);
                @case.Route(DepartmentA, Priority.Normal, CaseParticipant.System, Now);
                if (status == CaseStatus.Assigned) break;
                @case.Accept(staff, Now);
                if (status == CaseStatus.InProgress) break;
                if (status == CaseStatus.AwaitingInfo) { @case.RequestInformation("Which meter?", staff, Now); break; }
                @case.Resolve("Meter replaced.", staff, Now);
                if (status == CaseStatus.Resolved) break;
                if (status == CaseStatus.Closed) { @case.ConfirmResolution(null, submitter, Now); break; }
                @case.RejectResolution("Still wrong.", submitter, Now); // Reopened
                break;
        }
        Assert.Equal(status, @case.Status);
        @case.ClearDomainEvents();
        return @case;
    }

    /// <summary>Calls the Case method for <paramref name="action"/>.</summary>
    public static void Act(Case @case, CaseAction action, CaseParticipant by)
    {
        var at = Now.AddHours(1);
        switch (action)
        {
            case CaseAction.Route: @case.Route(DepartmentB, Priority.High, by, at); break;
            case CaseAction.Reassign: @case.Reassign(DepartmentB, null, by, at, "workload"); break;
            case CaseAction.ReturnToDispatcher: @case.ReturnToDispatcher("not ours", by, at); break;
            case CaseAction.Accept: @case.Accept(by, at); break;
            case CaseAction.RequestInfo: @case.RequestInformation("Meter number?", by, at); break;
            case CaseAction.ProvideInfo: @case.ProvideInformation("No. 42", by, at); break;
            case CaseAction.Resolve: @case.Resolve("Done.", by, at); break;
            case CaseAction.ConfirmResolution: @case.ConfirmResolution("Thanks", by, at); break;
            case CaseAction.RejectResolution: @case.RejectResolution("Not fixed", by, at); break;
            case CaseAction.Resume: @case.Resume(by, at); break;
            // The 7-day close is a system job: it takes no participant.
            case CaseAction.AutoClose: @case.AutoClose("7 days without an answer", at); break;
            case CaseAction.Reject: @case.Reject(RejectionReason.Spam, "advertising", null, by, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
