using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Staff;

/// <summary>Staff and dispatcher journeys through the pages, each step checked on the case's timeline.</summary>
public sealed partial class StaffFlowTests(StaffWorld world) : IClassFixture<StaffWorld>
{
    [Fact]
    public async Task RoutedByHand_Accepted_InformationRequestedAndGiven_Resolved_EachStepOnTheTimeline()
    {
        var receipt = await world.FileAsync(subject: "Bill doubled this month");
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);
        var staff = await world.ClientAsync(Demo.Staff);

        var routed = await world.PostAsync(dispatcher, $"/Dispatch/Triage?handler=Route&caseId={receipt.CaseId}",
            StaffWorld.Fields(("Route.DepartmentId", world.Billing.ToString()), ("Route.Priority", "High")));
        Assert.Equal("/Dispatch/Triage", routed.Headers.Location?.OriginalString);
        Assert.Contains("工单已分派", await TextAsync(dispatcher, "/Dispatch/Triage"));

        var accepted = await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=Accept", []);
        Assert.Equal(Outcome.Done, Outcomes.Of(accepted));
        var page = await TextAsync(staff, $"/Staff/Case/{receipt.CaseId}");
        Assert.Contains("已受理该工单", page);
        Assert.Contains("电费中心 张伟", page); // the assignee

        await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=RequestInfo", StaffWorld.Fields(("RequestInfo.Question", "Which account number is it?")));
        Assert.Equal(CaseStatus.AwaitingInfo, await world.StatusAsync(receipt.CaseId));

        await world.AnswerAsCustomerAsync(receipt.CaseId, "Account 0012345678.");
        Assert.Equal(CaseStatus.InProgress, await world.StatusAsync(receipt.CaseId));

        var resolved = await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=Resolve", StaffWorld.Fields(("Resolve.Summary", "The reading was wrong; the bill is corrected.")));
        Assert.Equal(Outcome.Done, Outcomes.Of(resolved));

        var @case = await world.CaseAsync(receipt.CaseId);
        Assert.Equal((CaseStatus.Resolved, Priority.High, world.Billing), (@case.Status, @case.Priority, @case.DepartmentId!.Value));
        Assert.Equal(
            [CaseAction.Route, CaseAction.Accept, CaseAction.RequestInfo, CaseAction.ProvideInfo, CaseAction.Resolve],
            @case.Events.Where(e => e.Action is not null).OrderBy(e => e.At).Select(e => e.Action!.Value));
        Assert.Equal([Actor.Dispatcher, Actor.Staff, Actor.Staff, Actor.Submitter, Actor.Staff],
            @case.Events.Where(e => e.Action is not null).OrderBy(e => e.At).Select(e => e.ActorCapacity));

        var final = await TextAsync(staff, $"/Staff/Case/{receipt.CaseId}");
        Assert.Contains("Which account number is it?", final);
        Assert.Contains("Account 0012345678.", final);
        Assert.Contains("The reading was wrong; the bill is corrected.", final);
        Assert.DoesNotContain("handler=Resolve", final); // no transition left for staff
    }

    [Fact]
    public async Task StaffRecordInformationGivenByPhone_AsStaff()
    {
        var receipt = await world.InProgressCaseAsync(acceptedBy: Demo.Staff);
        var staff = await world.ClientAsync(Demo.Staff);
        await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=RequestInfo", StaffWorld.Fields(("RequestInfo.Question", "Meter number?")));
        Assert.Contains("handler=RecordInfo", await TextAsync(staff, $"/Staff/Case/{receipt.CaseId}"));

        await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=RecordInfo", StaffWorld.Fields(("RecordInfo.Information", "By phone: meter 4711.")));

        var answer = (await world.CaseAsync(receipt.CaseId)).Events.Single(e => e.Action == CaseAction.ProvideInfo);
        Assert.Equal((Actor.Staff, "By phone: meter 4711."), (answer.ActorCapacity, answer.Text));
        Assert.Equal(CaseStatus.InProgress, await world.StatusAsync(receipt.CaseId));
    }

    [Fact]
    public async Task InternalNote_IsMarkedInternal_AndAReplyPublic()
    {
        var receipt = await world.AssignedCaseAsync();
        var staff = await world.ClientAsync(Demo.Staff);

        await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=Note", StaffWorld.Fields(("Note.Text", "Customer is known to the meter team.")));
        await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=Reply", StaffWorld.Fields(("Reply.Text", "We will call you tomorrow.")));

        var events = (await world.CaseAsync(receipt.CaseId)).Events;
        Assert.False(events.Single(e => e.Type == CaseEventType.InternalNote).IsPublic);
        Assert.True(events.Single(e => e.Type == CaseEventType.PublicReply).IsPublic);
        var page = await TextAsync(staff, $"/Staff/Case/{receipt.CaseId}");
        Assert.Matches(@"<li class=""internal"">\s*<div>\s*<span class=""badge text-bg-secondary"">内部</span>\s*<strong>内部备注</strong>", page);
        Assert.Matches(@"<li class=""public"">\s*<div>\s*<span class=""badge text-bg-info"">公开</span>\s*<strong>公开回复</strong>", page);
    }

    [Theory]
    [InlineData("Resolve.Summary", "", "此项为必填项")]
    [InlineData("Resolve.Summary", "   ", "此项为必填项")]
    [InlineData("Resolve.Summary", "x{5001}", "不能超过 5000 个字符")]
    public async Task RefusedForm_IsShownAgainWithTheReason_AndNothingChanges(string field, string value, string message)
    {
        var receipt = await world.InProgressCaseAsync(acceptedBy: Demo.Staff);
        var staff = await world.ClientAsync(Demo.Staff);
        var before = await world.TimelineLengthAsync(receipt.CaseId);
        var text = Regex.Replace(value, @"x\{(\d+)\}", m => new string('x', int.Parse(m.Groups[1].Value)));

        var response = await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=Resolve", StaffWorld.Fields((field, text)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches($@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>{message}", page);
        Assert.Equal(CaseStatus.InProgress, await world.StatusAsync(receipt.CaseId));
        Assert.Equal(before, await world.TimelineLengthAsync(receipt.CaseId));
    }

    [Fact]
    public async Task ATransitionTheCaseIsNotReadyFor_IsRefusedWithTheReason()
    {
        var receipt = await world.AssignedCaseAsync();
        var staff = await world.ClientAsync(Demo.Staff);

        var response = await world.PostAsync(staff, $"/Staff/Case/{receipt.CaseId}?handler=Resolve", StaffWorld.Fields(("Resolve.Summary", "Done already.")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("工单当前状态为“已派单”，不能进行", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(CaseStatus.Assigned, await world.StatusAsync(receipt.CaseId));
    }

    [Fact]
    public async Task MisconductReport_IsInvisibleToTheAccusedDepartment_AndItsReporterKnownOnlyToTheIntegrityOffice()
    {
        var report = await world.FileAsync(kind: CaseKind.Report, subject: "Meter reader asked for a payment", accused: world.Operations,
            name: "李四光", phone: "13912345678");
        var @case = await world.CaseAsync(report.CaseId);
        Assert.Equal(world.IntegrityOffice, @case.DepartmentId);

        foreach (var accused in new[] { Demo.OtherStaff, Demo.OtherHead })
        {
            var client = await world.ClientAsync(accused);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Staff/Case/{report.CaseId}")).StatusCode);
            Assert.DoesNotContain(report.TrackingNumber, await TextAsync(client, "/Staff/Queue"));
        }

        var forDispatcher = await TextAsync(await world.ClientAsync(Demo.Dispatcher), $"/Staff/Case/{report.CaseId}");
        Assert.DoesNotContain("李四光", forDispatcher);
        Assert.DoesNotContain("13912345678", forDispatcher);
        Assert.DoesNotContain("zhang.san@example.com", forDispatcher);
        Assert.Contains("139****5678", forDispatcher);
        Assert.Contains("李**", forDispatcher);
        Assert.Contains("举报人身份仅对纪检监察室可见", forDispatcher);

        var forIntegrity = await TextAsync(await world.ClientAsync(Demo.Integrity), $"/Staff/Case/{report.CaseId}");
        Assert.Contains("李四光", forIntegrity);
        Assert.Contains("13912345678", forIntegrity);
    }

    [Fact]
    public async Task Dispatcher_RejectsADuplicate_PointingToItsMaster()
    {
        var master = await world.AssignedCaseAsync(subject: "Street light out on Huanghe Road");
        var duplicate = await world.FileAsync(subject: "Street light out again");
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);
        var typed = " " + master.TrackingNumber.ToLowerInvariant() + " ";

        var response = await world.PostAsync(dispatcher, $"/Dispatch/Triage?handler=Reject&caseId={duplicate.CaseId}",
            StaffWorld.Fields(("Reject.Reason", "Duplicate"), ("Reject.DuplicateOf", typed), ("Reject.Note", "Already being handled under the earlier case.")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rejected = await world.CaseAsync(duplicate.CaseId);
        Assert.Equal((CaseStatus.Rejected, RejectionReason.Duplicate, master.CaseId), (rejected.Status, rejected.RejectionReason!.Value, rejected.MasterCaseId!.Value));
        Assert.Contains($"href=\"/Staff/Case/{master.CaseId}\" class=\"font-monospace\">{master.TrackingNumber}", await TextAsync(dispatcher, $"/Staff/Case/{duplicate.CaseId}"));
        Assert.Contains($"href=\"/Staff/Case/{duplicate.CaseId}\" class=\"font-monospace me-2\">{duplicate.TrackingNumber}", await TextAsync(dispatcher, $"/Staff/Case/{master.CaseId}"));
    }

    [Theory]
    [InlineData("", "此项为必填项")]
    [InlineData("261127-ZZZZZZ", "没有工单号为 261127-ZZZZZZ 的工单。")]
    [InlineData("self", "工单不能与自身重复。")]
    public async Task Dispatcher_CannotRejectADuplicate_WithoutAnExistingOtherMaster(string duplicateOf, string message)
    {
        var duplicate = await world.FileAsync(subject: "Possibly a duplicate");
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);

        var response = await world.PostAsync(dispatcher, $"/Dispatch/Triage?handler=Reject&caseId={duplicate.CaseId}",
            StaffWorld.Fields(("Reject.Reason", "Duplicate"), ("Reject.DuplicateOf", duplicateOf == "self" ? duplicate.TrackingNumber : duplicateOf), ("Reject.Note", "Duplicate.")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var unchanged = await world.CaseAsync(duplicate.CaseId);
        Assert.Equal((CaseStatus.Submitted, (Guid?)null), (unchanged.Status, unchanged.MasterCaseId));
    }

    [Fact]
    public async Task Dispatcher_FilesForACaller_AndReadsOutTheTrackingNumberAndPinOnce()
    {
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);
        var casesBefore = await world.App.DbAsync(db => db.Cases.CountAsync());

        var response = await dispatcher.PostMultipartAsync("/Dispatch/File", StaffWorld.Fields(
                ("Input.Channel", "Hotline"), ("Input.Kind", "Complaint"), ("Input.CategoryId", world.Category("other").Id.ToString()),
                ("Input.ServiceAreaId", world.Area(1).Id.ToString()), ("Input.Subject", "Caller reports flickering supply"),
                ("Input.Description", "Lights flicker every evening since Monday."), ("Input.ContactName", "王五"),
                ("Input.ContactPhone", "13700001111"), ("Input.Culture", "zh-CN")),
            [("Input.Attachments", "letter.png", StaffWorld.Png)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        var caseId = Guid.Parse(url["/Staff/Case/".Length..]);
        var @case = await world.CaseAsync(caseId);
        Assert.Equal((Channel.Hotline, await world.UserIdAsync(Demo.Dispatcher), (Guid?)null, 1),
            (@case.Channel, @case.FiledByUserId!.Value, @case.SubmitterUserId, @case.Attachments.Count));
        Assert.Equal(casesBefore + 1, await world.App.DbAsync(db => db.Cases.CountAsync()));

        var first = await TextAsync(dispatcher, url);
        var receipt = ReceiptPattern().Match(first);
        Assert.True(receipt.Success, "the receipt is shown");
        Assert.Equal(@case.TrackingNumber, receipt.Groups[1].Value);
        Assert.True(@case.HasPin(receipt.Groups[2].Value), "the PIN shown is the case's PIN");
        Assert.DoesNotMatch(ReceiptPattern(), await TextAsync(dispatcher, url));
    }

    [Theory]
    [InlineData("Input.Channel", "Web", "Input.Channel")]
    [InlineData("Input.Channel", "Carrier pigeon", "Input.Channel")]
    [InlineData("Input.Subject", "", "Input.Subject")]
    [InlineData("Input.ContactPhone", "call me maybe", "Input.ContactPhone")]
    public async Task FilingForACaller_WithBadInput_IsRefusedWithTheReasonAndWritesNothing(string field, string value, string errorField)
    {
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);
        var casesBefore = await world.App.DbAsync(db => db.Cases.CountAsync());
        var fields = StaffWorld.Fields(
            ("Input.Channel", "Letter"), ("Input.Kind", "Suggestion"), ("Input.CategoryId", world.Category("other").Id.ToString()),
            ("Input.ServiceAreaId", world.Area(0).Id.ToString()), ("Input.Subject", "A suggestion by letter"),
            ("Input.Description", "Open the service hall on Saturdays."), ("Input.ContactName", "赵六"), ("Input.ContactPhone", "13700002222"))
            .Select(f => f.Key == field ? new KeyValuePair<string, string>(field, value) : f);

        var response = await dispatcher.PostAsync("/Dispatch/File", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches($@"class=""field-validation-error"" data-valmsg-for=""{Regex.Escape(errorField)}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(casesBefore, await world.App.DbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Dispatcher_FindsCasesOfAnyDepartment_ByTrackingNumberOrSubject()
    {
        var inOperations = await world.AssignedCaseAsync(world.Operations, subject: "Transformer humming near school");
        var dispatcher = await world.ClientAsync(Demo.Dispatcher);

        Assert.Equal([inOperations.TrackingNumber], StaffWorld.TrackingNumbersIn(await TextAsync(dispatcher, $"/Dispatch/Cases?q={inOperations.TrackingNumber.ToLowerInvariant()}")));
        Assert.Equal([inOperations.TrackingNumber], StaffWorld.TrackingNumbersIn(await TextAsync(dispatcher, "/Dispatch/Cases?q=humming+near")));
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.GetAsync("/Dispatch/Cases?q=" + new string('x', 101))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.GetAsync("/Dispatch/Cases?q=x&page=0")).StatusCode);
    }

    [Fact]
    public async Task Head_ReassignsWithinTheDepartment_ButNotToAnother()
    {
        var receipt = await world.AssignedCaseAsync();
        var head = await world.ClientAsync(Demo.Head);
        var staff2 = await world.UserIdAsync(Demo.Staff2);
        var page = await TextAsync(head, $"/Staff/Case/{receipt.CaseId}");
        Assert.DoesNotContain($"value=\"{world.Operations}\"", page);

        var forged = await world.PostAsync(head, $"/Staff/Case/{receipt.CaseId}?handler=Reassign", StaffWorld.Fields(("Reassign.DepartmentId", world.Operations.ToString())));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var outsider = await world.PostAsync(head, $"/Staff/Case/{receipt.CaseId}?handler=Reassign",
            StaffWorld.Fields(("Reassign.DepartmentId", world.Billing.ToString()), ("Reassign.AssigneeId", (await world.UserIdAsync(Demo.OtherStaff)).ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Contains("所选承办人不属于该部门。", WebUtility.HtmlDecode(await outsider.Content.ReadAsStringAsync()));

        var reassigned = await world.PostAsync(head, $"/Staff/Case/{receipt.CaseId}?handler=Reassign",
            StaffWorld.Fields(("Reassign.DepartmentId", world.Billing.ToString()), ("Reassign.AssigneeId", staff2.ToString()), ("Reassign.Note", "Knows this customer.")));
        Assert.Equal(Outcome.Done, Outcomes.Of(reassigned));
        var @case = await world.CaseAsync(receipt.CaseId);
        Assert.Equal((world.Billing, staff2), (@case.DepartmentId!.Value, @case.AssigneeId!.Value));
    }

    [GeneratedRegex(@"font-monospace fs-5"">([0-9]{6}-[0-9A-Z]{6})</dd>.*?font-monospace fs-5"">([0-9]{6})</dd>", RegexOptions.Singleline)]
    private static partial Regex ReceiptPattern();

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
