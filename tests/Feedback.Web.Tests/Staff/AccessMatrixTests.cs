using Feedback.Domain.Cases;
using static Feedback.Web.Tests.Staff.Outcome;

namespace Feedback.Web.Tests.Staff;

/// <summary>
/// Who may open which staff and dispatcher page, and who may take which action on a case of the BILLING
/// department (issue 2, item 8). Each row is one person × one page or action; a refused action must leave
/// the case exactly as it was.
/// </summary>
public static class AccessMatrix
{
    /// <summary>The people of the matrix, by the part they play for a case handled by BILLING and filed by the customer.</summary>
    public static readonly (string Role, string? Email)[] People =
    [
        ("anonymous", null),
        ("customer-owner", Demo.Customer),
        ("other-customer", Demo.OtherCustomer),
        ("staff-of-department", Demo.Staff),
        ("staff-of-other-department", Demo.OtherStaff),
        ("head-of-department", Demo.Head),
        ("head-of-other-department", Demo.OtherHead),
        ("dispatcher", Demo.Dispatcher),
        ("admin", Demo.Admin),
        ("supervisor", Demo.Supervisor),
    ];

    public static readonly string[] Pages = ["case", "queue", "triage", "file", "search", "attachment"];

    /// <summary>Expected outcome per person, in the order of <see cref="Pages"/>.</summary>
    public static readonly Dictionary<string, Outcome[]> PageOutcomes = new()
    {
        ["anonymous"] = [Login, Login, Login, Login, Login, NotFound],
        ["customer-owner"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok],
        ["other-customer"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound],
        ["staff-of-department"] = [Ok, Ok, Forbidden, Forbidden, Forbidden, Ok],
        ["staff-of-other-department"] = [NotFound, Ok, Forbidden, Forbidden, Forbidden, NotFound],
        ["head-of-department"] = [Ok, Ok, Forbidden, Forbidden, Forbidden, Ok],
        ["head-of-other-department"] = [NotFound, Ok, Forbidden, Forbidden, Forbidden, NotFound],
        ["dispatcher"] = [Ok, Forbidden, Ok, Ok, Ok, Ok],
        ["admin"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound],
        ["supervisor"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound],
    };

    public static readonly string[] Actions = ["accept", "reply", "note", "request-info", "resolve", "reassign", "return", "route", "reject"];

    /// <summary>
    /// Expected outcome per person, in the order of <see cref="Actions"/>. Route and reject act on a case in
    /// triage, which belongs to no department yet: only the service centre sees it.
    /// </summary>
    public static readonly Dictionary<string, Outcome[]> ActionOutcomes = new()
    {
        ["anonymous"] = [Login, Login, Login, Login, Login, Login, Login, Login, Login],
        ["customer-owner"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["other-customer"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["staff-of-department"] = [Done, Done, Done, Done, Done, Forbidden, Done, NotFound, NotFound],
        ["staff-of-other-department"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["head-of-department"] = [Done, Done, Done, Done, Done, Done, Done, NotFound, NotFound],
        ["head-of-other-department"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["dispatcher"] = [Forbidden, Done, Done, Forbidden, Forbidden, Done, Forbidden, Done, Done],
        ["admin"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["supervisor"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    };

    /// <summary>The attachment download is the public side's page: its column counts once that page exists.</summary>
    private static readonly bool HasAttachmentDownload =
        typeof(Program).Assembly.GetType("Feedback.Web.Pages.Attachments.DownloadModel") is not null;

    public static TheoryData<string, string, Outcome> PageMatrix()
    {
        var data = new TheoryData<string, string, Outcome>();
        foreach (var (role, _) in People)
            for (var i = 0; i < Pages.Length; i++)
                if (Pages[i] != "attachment" || HasAttachmentDownload)
                    data.Add(role, Pages[i], PageOutcomes[role][i]);
        return data;
    }

    public static TheoryData<string, string, Outcome> ActionMatrix()
    {
        var data = new TheoryData<string, string, Outcome>();
        foreach (var (role, _) in People)
            for (var i = 0; i < Actions.Length; i++)
                data.Add(role, Actions[i], ActionOutcomes[role][i]);
        return data;
    }

    public static string? EmailOf(string role) => People.Single(p => p.Role == role).Email;
}

/// <summary>Each person × each staff or dispatcher page (and the attachment download).</summary>
public sealed class PageAccessTests(StaffWorld world) : IClassFixture<StaffWorld>
{
    public static TheoryData<string, string, Outcome> PageMatrix() => AccessMatrix.PageMatrix();

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Page_IsShownOnlyToThoseWhoMaySeeIt(string role, string page, Outcome expected)
    {
        var (receipt, attachment) = await world.SharedCaseAsync();
        var url = page switch
        {
            "case" => $"/Staff/Case/{receipt.CaseId}",
            "queue" => "/Staff/Queue",
            "triage" => "/Dispatch/Triage",
            "file" => "/Dispatch/File",
            "search" => "/Dispatch/Cases?q=meter",
            "attachment" => $"/attachments/{attachment}",
            _ => throw new ArgumentOutOfRangeException(nameof(page)),
        };
        var client = await world.ClientAsync(AccessMatrix.EmailOf(role));

        var response = await client.GetAsync(url);

        Assert.Equal(expected, Outcomes.Of(response));
    }
}

/// <summary>Each person × each action on the staff case page; a refusal leaves the case exactly as it was.</summary>
public sealed class ActionAccessTests(StaffWorld world) : IClassFixture<StaffWorld>
{
    public static TheoryData<string, string, Outcome> ActionMatrix() => AccessMatrix.ActionMatrix();

    [Theory]
    [MemberData(nameof(ActionMatrix))]
    public async Task Action_IsTakenOnlyByThoseWhoMayTakeIt_AndARefusalChangesNothing(string role, string action, Outcome expected)
    {
        var staff2 = await world.UserIdAsync(Demo.Staff2);
        var (receipt, fields) = action switch
        {
            "accept" => (await world.AssignedCaseAsync(), StaffWorld.Fields()),
            "reply" => (await world.AssignedCaseAsync(), StaffWorld.Fields(("Reply.Text", "We are looking into it."))),
            "note" => (await world.AssignedCaseAsync(), StaffWorld.Fields(("Note.Text", "Called the meter team."))),
            "request-info" => (await world.InProgressCaseAsync(), StaffWorld.Fields(("RequestInfo.Question", "Which meter number?"))),
            "resolve" => (await world.InProgressCaseAsync(), StaffWorld.Fields(("Resolve.Summary", "The meter was replaced."))),
            "reassign" => (await world.AssignedCaseAsync(), StaffWorld.Fields(("Reassign.DepartmentId", world.Billing.ToString()), ("Reassign.AssigneeId", staff2.ToString()))),
            "return" => (await world.AssignedCaseAsync(), StaffWorld.Fields(("Return.Reason", "This is about a new connection."))),
            "route" => (await world.FileAsync(), StaffWorld.Fields(("Route.DepartmentId", world.Billing.ToString()), ("Route.Priority", "High"))),
            "reject" => (await world.FileAsync(), StaffWorld.Fields(("Reject.Reason", "Invalid"), ("Reject.Note", "Not about electricity supply."))),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        var handler = action switch { "request-info" => "RequestInfo", "return" => "Return", _ => char.ToUpperInvariant(action[0]) + action[1..] };
        var statusBefore = await world.StatusAsync(receipt.CaseId);
        var timelineBefore = await world.TimelineLengthAsync(receipt.CaseId);
        var client = await world.ClientAsync(AccessMatrix.EmailOf(role));

        var response = await world.PostAsync(client, $"/Staff/Case/{receipt.CaseId}?handler={handler}", fields);

        Assert.Equal(expected, Outcomes.Of(response));
        if (expected == Done)
        {
            Assert.Equal($"/Staff/Case/{receipt.CaseId}", response.Headers.Location?.OriginalString);
            Assert.True(await world.TimelineLengthAsync(receipt.CaseId) > timelineBefore, "the action is on the timeline");
        }
        else
        {
            Assert.Equal(statusBefore, await world.StatusAsync(receipt.CaseId));
            Assert.Equal(timelineBefore, await world.TimelineLengthAsync(receipt.CaseId));
        }
    }

    [Fact]
    public async Task StatusChanges_AreTheOnesTheActionsStandFor()
    {
        var accepted = await world.AssignedCaseAsync();
        var head = await world.ClientAsync(Demo.Head);
        await world.PostAsync(head, $"/Staff/Case/{accepted.CaseId}?handler=Accept", []);
        Assert.Equal(CaseStatus.InProgress, await world.StatusAsync(accepted.CaseId));

        var returned = await world.AssignedCaseAsync();
        await world.PostAsync(head, $"/Staff/Case/{returned.CaseId}?handler=Return", StaffWorld.Fields(("Return.Reason", "Not ours.")));
        var back = await world.CaseAsync(returned.CaseId);
        Assert.Equal((CaseStatus.Submitted, (Guid?)null, 1), (back.Status, back.DepartmentId, back.ReturnCount));
    }
}
