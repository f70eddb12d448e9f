using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Tests.Support;
using static Feedback.Domain.Tests.Support.TestCases;

namespace Feedback.Domain.Tests.Cases;

/// <summary>The lifecycle's named behaviours, and the rules that go beyond the table.</summary>
public class CaseLifecycleTests
{
    [Fact]
    public void Resolve_WhenAwaitingInfo_IsRejected()
    {
        var @case = InStatus(CaseStatus.AwaitingInfo);
        var error = Assert.Throws<DomainRuleException>(() => @case.Resolve("Done", As(Actor.Staff), Now));
        Assert.Equal("Case.TransitionNotAllowed", error.Code);
        Assert.Equal([CaseAction.Resolve, CaseStatus.AwaitingInfo], error.Arguments);
    }

    [Fact]
    public void Resolve_WhenInProgress_RecordsSummaryAndCountsAsFirstContact()
    {
        var @case = InStatus(CaseStatus.InProgress);
        @case.Resolve("Meter replaced.", As(Actor.Staff), Now.AddHours(2));
        Assert.Equal(CaseStatus.Resolved, @case.Status);
        Assert.Equal("Meter replaced.", @case.ResolutionSummary);
        Assert.Equal(Now.AddHours(2), @case.ResolvedAt);
        Assert.Equal(Now.AddHours(2), @case.FirstContactedAt);
    }

    [Fact]
    public void ConfirmResolution_ByStaff_IsForbidden() =>
        Assert.Throws<ForbiddenException>(() => InStatus(CaseStatus.Resolved).ConfirmResolution(null, As(Actor.Staff), Now));

    [Fact]
    public void RejectResolution_BySubmitter_ReopensAndCountsTheReopen()
    {
        var @case = InStatus(CaseStatus.Resolved);
        @case.RejectResolution("Bill still wrong", As(Actor.Submitter), Now);
        Assert.Equal(CaseStatus.Reopened, @case.Status);
        Assert.Equal(1, @case.ReopenCount);
    }

    [Fact]
    public void ReturnToDispatcher_ClearsDepartmentAndCountsTheReturn()
    {
        var @case = InStatus(CaseStatus.Assigned);
        @case.ReturnToDispatcher("not ours", As(Actor.Staff), Now);
        Assert.Equal(CaseStatus.Submitted, @case.Status);
        Assert.Null(@case.DepartmentId);
        Assert.Equal(1, @case.ReturnCount);
    }

    [Fact]
    public void Route_AfterReturn_KeepsTheFirstDeadlines()
    {
        var @case = New();
        var first = new CaseDeadlines(Now.AddHours(4), Now.AddDays(5), Guid.NewGuid());
        @case.HoldTo(first);
        @case.Route(DepartmentA, Priority.Normal, CaseParticipant.System, Now);
        @case.ReturnToDispatcher("not ours", As(Actor.Staff), Now);
        @case.Route(DepartmentB, Priority.High, As(Actor.Dispatcher), Now.AddDays(1));
        Assert.Throws<DomainRuleException>(() => @case.HoldTo(new CaseDeadlines(Now.AddDays(1), Now.AddDays(9), Guid.NewGuid())));
        Assert.Equal(DepartmentB.Id, @case.DepartmentId);
        Assert.Equal(first.ContactBy, @case.ContactBy);
        Assert.Equal(first.ResolveBy, @case.ResolveBy);
        Assert.Equal(first.PolicyId, @case.SlaPolicyId);
    }

    [Fact]
    public void RejectAsDuplicate_WithoutMaster_IsRefused()
    {
        var @case = New();
        var error = Assert.Throws<DomainRuleException>(() =>
            @case.Reject(RejectionReason.Duplicate, null, null, As(Actor.Dispatcher), Now));
        Assert.Equal("Case.DuplicateNeedsMaster", error.Code);
        Assert.Equal(CaseStatus.Submitted, @case.Status);
    }

    [Fact]
    public void RejectAsDuplicate_OfItself_IsRefused()
    {
        var @case = New();
        var error = Assert.Throws<DomainRuleException>(() =>
            @case.Reject(RejectionReason.Duplicate, null, @case.Id, As(Actor.Dispatcher), Now));
        Assert.Equal("Case.DuplicateOfItself", error.Code);
    }

    [Fact]
    public void RejectAsDuplicate_WithMaster_LinksTheMasterAndCloses()
    {
        var master = Guid.NewGuid();
        var @case = New();
        @case.Reject(RejectionReason.Duplicate, "same outage", master, As(Actor.Dispatcher), Now);
        Assert.Equal(CaseStatus.Rejected, @case.Status);
        Assert.Equal(master, @case.MasterCaseId);
        Assert.Equal(RejectionReason.Duplicate, @case.RejectionReason);
        Assert.Equal(Now, @case.ClosedAt);
    }

    [Fact]
    public void RejectAsSpam_WithMaster_DoesNotLinkIt()
    {
        var @case = New();
        @case.Reject(RejectionReason.Spam, null, Guid.NewGuid(), As(Actor.Dispatcher), Now);
        Assert.Null(@case.MasterCaseId);
    }

    [Fact]
    public void Route_ReportToTheAccusedDepartment_IsRefused()
    {
        var report = New(CaseKind.Report, accusedDepartment: DepartmentA.Id);
        var error = Assert.Throws<DomainRuleException>(() =>
            report.Route(DepartmentA, Priority.High, As(Actor.Dispatcher), Now));
        Assert.Equal("Case.ReportToAccusedDepartment", error.Code);
        Assert.Equal(CaseStatus.Submitted, report.Status);
        Assert.Null(report.DepartmentId);
    }

    [Fact]
    public void Route_ReportAccusingTheIntegrityOffice_IsRefusedEvenThere()
    {
        var report = New(CaseKind.Report, accusedDepartment: IntegrityOffice.Id);
        var error = Assert.Throws<DomainRuleException>(() => report.Route(IntegrityOffice, Priority.High, As(Actor.Dispatcher), Now));
        Assert.Equal("Case.ReportToAccusedDepartment", error.Code);
    }

    /// <summary>A report held by the Integrity office, assigned or in progress there.</summary>
    private static Case ReportWithTheIntegrityOffice(CaseStatus status)
    {
        var report = New(CaseKind.Report, accusedDepartment: DepartmentB.Id);
        report.Route(IntegrityOffice, Priority.High, CaseParticipant.System, Now);
        if (status == CaseStatus.InProgress) report.Accept(As(Actor.Staff), Now);
        Assert.Equal(status, report.Status);
        return report;
    }

    public static TheoryData<string, CaseStatus, string> WaysAReportCouldLeaveTheIntegrityOffice() => new()
    {
        { "reassign to another department", CaseStatus.Assigned, "Case.ReportStaysWithIntegrityOffice" },
        { "reassign to another department", CaseStatus.InProgress, "Case.ReportStaysWithIntegrityOffice" },
        { "reassign to the accused department", CaseStatus.Assigned, "Case.ReportToAccusedDepartment" },
        { "return to the dispatcher", CaseStatus.Assigned, "Case.ReportStaysWithIntegrityOffice" },
    };

    [Theory]
    [MemberData(nameof(WaysAReportCouldLeaveTheIntegrityOffice))]
    public void Report_StaysWithTheIntegrityOffice_WhateverAnyoneDoes(string way, CaseStatus status, string reason)
    {
        var report = ReportWithTheIntegrityOffice(status);
        var timeline = report.Events.Count;

        var error = Assert.Throws<DomainRuleException>(() =>
        {
            switch (way)
            {
                case "reassign to another department": report.Reassign(DepartmentA, null, As(Actor.Dispatcher), Now, "move"); break;
                case "reassign to the accused department": report.Reassign(DepartmentB, null, As(Actor.Dispatcher), Now, "move"); break;
                case "return to the dispatcher": report.ReturnToDispatcher("not ours", As(Actor.Staff), Now); break;
            }
        });

        Assert.Equal(reason, error.Code);
        Assert.Equal((status, (Guid?)IntegrityOffice.Id, timeline), (report.Status, report.DepartmentId, report.Events.Count));
    }

    [Fact]
    public void Route_ReportFromTriageToAnOrdinaryDepartment_IsRefused()
    {
        var report = New(CaseKind.Report, accusedDepartment: DepartmentB.Id);
        var error = Assert.Throws<DomainRuleException>(() => report.Route(DepartmentA, Priority.High, As(Actor.Dispatcher), Now));
        Assert.Equal("Case.ReportStaysWithIntegrityOffice", error.Code);
        Assert.Null(report.DepartmentId);

        report.Route(IntegrityOffice, Priority.High, As(Actor.Dispatcher), Now);
        Assert.Equal(IntegrityOffice.Id, report.DepartmentId);
    }

    [Fact]
    public void Report_MayBeReassignedInsideTheIntegrityOffice_AndIsNeverOfferedTheWayBackToTriage()
    {
        var report = ReportWithTheIntegrityOffice(CaseStatus.InProgress);
        var colleague = Guid.NewGuid();
        report.Reassign(IntegrityOffice, colleague, As(Actor.DepartmentHead), Now, "she knows the contractor");
        Assert.Equal((CaseStatus.Assigned, (Guid?)IntegrityOffice.Id, (Guid?)colleague), (report.Status, report.DepartmentId, report.AssigneeId));

        var handler = new CaseParticipant(Guid.NewGuid(), "staff", new HashSet<Actor> { Actor.Staff, Actor.DepartmentHead });
        Assert.DoesNotContain(CaseAction.ReturnToDispatcher, report.AvailableActions(handler));
        Assert.Contains(CaseAction.Reassign, report.AvailableActions(handler));
        Assert.Contains(CaseAction.ReturnToDispatcher, InStatus(CaseStatus.Assigned).AvailableActions(handler));
    }

    [Theory]
    [InlineData(CaseKind.Complaint, false, false, true)]
    [InlineData(CaseKind.Suggestion, false, false, true)]
    [InlineData(CaseKind.Praise, true, false, true)]
    [InlineData(CaseKind.SupervisionFinding, false, false, true)]
    [InlineData(CaseKind.Report, true, false, true)]
    [InlineData(CaseKind.Report, false, false, false)]
    [InlineData(CaseKind.Report, true, true, false)]
    public void Custody_ReportsOnlyWithTheIntegrityOffice_NeverTheAccused_OtherKindsAnywhere(CaseKind kind, bool integrityOffice, bool accused, bool mayHold)
    {
        var department = integrityOffice ? IntegrityOffice : DepartmentA;
        Assert.Equal(mayHold, CaseCustody.MayHold(department, kind, accused ? department.Id : DepartmentB.Id));
        Assert.Equal(kind != CaseKind.Report, CaseCustody.MayReturnToTriage(kind));
    }

    [Fact]
    public void AccusedDepartment_IsKeptOnlyForReports()
    {
        var complaint = New(CaseKind.Complaint, accusedDepartment: DepartmentA.Id);
        Assert.Null(complaint.AccusedDepartmentId);
        complaint.Route(DepartmentA, Priority.Normal, CaseParticipant.System, Now);
        Assert.Equal(DepartmentA.Id, complaint.DepartmentId);
    }

    [Fact]
    public void PublicReply_OnAClosedCase_IsRefused()
    {
        foreach (var status in new[] { CaseStatus.Closed, CaseStatus.Rejected })
        {
            var @case = InStatus(status);
            var error = Assert.Throws<DomainRuleException>(() => @case.PostPublicReply("Hello", As(Actor.Dispatcher), Now));
            Assert.Equal("Case.IsClosed", error.Code);
        }
    }

    [Fact]
    public void PublicReply_ByStaff_IsPublicCountsAsFirstContactAndRaisesAnEvent()
    {
        var @case = InStatus(CaseStatus.InProgress);
        var reply = @case.PostPublicReply("We are on our way.", As(Actor.Staff), Now.AddMinutes(30));
        Assert.True(reply.IsPublic);
        Assert.Equal(Now.AddMinutes(30), @case.FirstContactedAt);
        Assert.Equal(new PublicReplyPosted(@case.Id, reply.Id), Assert.Single(@case.DomainEvents));
    }

    [Fact]
    public void PublicReply_BySubmitter_IsForbidden() =>
        Assert.Throws<ForbiddenException>(() => InStatus(CaseStatus.InProgress).PostPublicReply("hi", As(Actor.Submitter), Now));

    [Fact]
    public void InternalNote_BySubmitter_IsForbidden()
    {
        var @case = InStatus(CaseStatus.InProgress);
        var before = @case.Events.Count;
        Assert.Throws<ForbiddenException>(() => @case.AddInternalNote("psst", As(Actor.Submitter), Now));
        Assert.Equal(before, @case.Events.Count);
    }

    [Theory]
    [InlineData(Actor.Staff)]
    [InlineData(Actor.DepartmentHead)]
    [InlineData(Actor.Dispatcher)]
    public void InternalNote_ByHandlerOrDispatcher_IsAppendedAsInternal(Actor actor)
    {
        var @case = InStatus(CaseStatus.InProgress);
        var note = @case.AddInternalNote("Customer called twice.", As(actor), Now);
        Assert.False(note.IsPublic);
        Assert.Equal(CaseEventType.InternalNote, note.Type);
        Assert.Equal(actor, note.ActorCapacity);
        Assert.Same(note, @case.Events[^1]);
    }

    [Fact]
    public void Submit_Anonymously_KeepsOnlyWaysToReachThePerson()
    {
        var @case = Case.Submit(
            new NewCase(CaseKind.Complaint, Channel.Web, Category, Area, "s", "d", true,
                new ContactDetails("张三", "13812345678", "z@example.com", "滨城区黄河五路", "0101"), "zh-CN"),
            "260302-K7M3QX", Pin, Now);
        Assert.Equal(new ContactDetails(null, "13812345678", "z@example.com", null, null), @case.Contact);
        Assert.Equal("", @case.Events[0].ActorName);
    }
}
