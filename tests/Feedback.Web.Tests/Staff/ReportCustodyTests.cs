using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using static Feedback.Web.Tests.Staff.Outcome;

namespace Feedback.Web.Tests.Staff;

/// <summary>
/// A misconduct report (举报) stays with the Integrity office whatever anyone does (DESIGN §3, ADR 0017). Each
/// row is one person × one way a report could change hands; whatever the answer, the report is still the
/// Integrity office's afterwards, the accused department and the others cannot open it, and a refusal leaves
/// it exactly as it was.
/// </summary>
public sealed class ReportCustodyTests(StaffWorld world) : IClassFixture<StaffWorld>
{
    public static TheoryData<string, string, string, Outcome> Attempts() => new()
    {
        // Reassigning from the Integrity office's desk.
        { "dispatcher", "reassign", "billing", BadRequest },
        { "dispatcher", "reassign", "accused", BadRequest },
        { "dispatcher", "reassign", "integrity", Done },
        { "integrity-staff", "reassign", "billing", Forbidden },
        { "head-of-other-department", "reassign", "billing", NotFound },
        { "head-of-accused-department", "reassign", "accused", NotFound },
        // "Not ours": the way back to triage, from where the service centre could send it anywhere.
        { "integrity-staff", "return", "", BadRequest },
        { "head-of-accused-department", "return", "", NotFound },
        // A report that waits in triage (filed while no Integrity office could take it).
        { "dispatcher", "route", "billing", BadRequest },
        { "dispatcher", "route", "accused", BadRequest },
        { "dispatcher", "route", "integrity", Done },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task Report_StaysWithTheIntegrityOffice_WhoeverTriesToMoveIt(string person, string action, string target, Outcome expected)
    {
        var reportId = action == "route" ? await ReportInTriageAsync() : (await FileReportAsync()).CaseId;
        var before = await world.CaseAsync(reportId);
        var client = await world.ClientAsync(EmailOf(person));
        var department = target switch
        {
            "billing" => world.Billing,
            "accused" => world.Operations,
            "integrity" => world.IntegrityOffice,
            _ => Guid.Empty,
        };

        var response = action switch
        {
            "reassign" => await world.PostAsync(client, $"/Staff/Case/{reportId}?handler=Reassign", StaffWorld.Fields(("Reassign.DepartmentId", department.ToString()))),
            "return" => await world.PostAsync(client, $"/Staff/Case/{reportId}?handler=Return", StaffWorld.Fields(("Return.Reason", "A contractor matter, not staff misconduct."))),
            "route" => await world.PostAsync(client, $"/Dispatch/Triage?handler=Route&caseId={reportId}",
                StaffWorld.Fields(("Route.DepartmentId", department.ToString()), ("Route.Priority", "High"))),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.Equal(expected, Outcomes.Of(response));
        var after = await world.CaseAsync(reportId);
        if (expected == BadRequest)
            Assert.Contains(target == "accused" ? "举报不能交由被举报的部门办理。" : "举报始终由纪检监察室办理", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        if (expected == Done)
        {
            Assert.Equal(CaseStatus.Assigned, after.Status);
            Assert.True(after.Events.Count > before.Events.Count, "the move is on the timeline");
        }
        else
            Assert.Equal((before.Status, before.DepartmentId, before.Events.Count), (after.Status, after.DepartmentId, after.Events.Count));

        if (after.DepartmentId is not null)
        {
            Assert.Equal(world.IntegrityOffice, after.DepartmentId);
            Assert.Equal(HttpStatusCode.OK, (await (await world.ClientAsync(Demo.Integrity)).GetAsync($"/Staff/Case/{reportId}")).StatusCode);
        }
        foreach (var outsider in new[] { Demo.Staff, Demo.Head, Demo.OtherStaff, Demo.OtherHead })
            Assert.Equal(HttpStatusCode.NotFound, (await (await world.ClientAsync(outsider)).GetAsync($"/Staff/Case/{reportId}")).StatusCode);
    }

    [Fact]
    public async Task CasePage_OffersOnlyTheIntegrityOffice_AndNoWayBackToTriage()
    {
        var report = await FileReportAsync();

        var forDispatcher = await TextAsync(Demo.Dispatcher, $"/Staff/Case/{report.CaseId}");
        Assert.Contains($"value=\"{world.IntegrityOffice}\"", forDispatcher);
        Assert.DoesNotContain($"value=\"{world.Billing}\"", forDispatcher);
        Assert.DoesNotContain($"value=\"{world.Operations}\"", forDispatcher);

        var forIntegrity = await TextAsync(Demo.Integrity, $"/Staff/Case/{report.CaseId}");
        Assert.DoesNotContain("handler=Return", forIntegrity);
        // An ordinary case still offers it.
        var complaint = await world.AssignedCaseAsync();
        Assert.Contains("handler=Return", await TextAsync(Demo.Staff, $"/Staff/Case/{complaint.CaseId}"));
    }

    [Fact]
    public async Task TriagePage_OffersAReportOnlyTheIntegrityOffice()
    {
        var reportId = await ReportInTriageAsync();
        var report = await world.CaseAsync(reportId);

        var page = await TextAsync(Demo.Dispatcher, "/Dispatch/Triage");
        var start = page.IndexOf(report.TrackingNumber, StringComparison.Ordinal);
        Assert.True(start >= 0, "the report waits in triage");
        var end = page.IndexOf("<li class=\"card", start, StringComparison.Ordinal);
        var card = end < 0 ? page[start..] : page[start..end];

        Assert.Contains($"value=\"{world.IntegrityOffice}\"", card);
        Assert.DoesNotContain($"value=\"{world.Billing}\"", card);
        Assert.DoesNotContain($"value=\"{world.Operations}\"", card);
    }

    [Fact]
    public async Task Report_IsRoutedToTheIntegrityOffice_OnFiling()
    {
        var report = await FileReportAsync();
        Assert.Equal(world.IntegrityOffice, (await world.CaseAsync(report.CaseId)).DepartmentId);
    }

    private string? EmailOf(string person) => person switch
    {
        "dispatcher" => Demo.Dispatcher,
        "integrity-staff" => Demo.Integrity,
        "head-of-other-department" => Demo.Head,
        "head-of-accused-department" => Demo.OtherHead,
        _ => throw new ArgumentOutOfRangeException(nameof(person)),
    };

    /// <summary>A report accusing OPERATIONS, filed by the customer: the Integrity office gets it at once.</summary>
    private Task<CaseReceipt> FileReportAsync() =>
        world.FileAsync(kind: CaseKind.Report, subject: "Meter reader asked for a payment", accused: world.Operations, name: "李四光", phone: "13912345678");

    /// <summary>
    /// A report waiting in triage, as one filed while no Integrity office could take it (none was active, or the
    /// office was the one accused) would: put there directly, because filing it now would route it.
    /// </summary>
    private Task<Guid> ReportInTriageAsync() =>
        world.App.DbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var report = Case.Submit(
                new NewCase(CaseKind.Report, Channel.Web, world.Category("other").Id, world.Area(0).Id, "Contractor named by the meter reader",
                    "Details of what happened, for the tests.", false, new ContactDetails("李四光", "13912345678", null, null, null), "zh-CN",
                    AccusedDepartmentId: world.Operations),
                TrackingNumber.New(now.ToOffset(TimeSpan.FromHours(8))), "123456", now);
            db.Cases.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

    private async Task<string> TextAsync(string email, string url)
    {
        var response = await (await world.ClientAsync(email)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
