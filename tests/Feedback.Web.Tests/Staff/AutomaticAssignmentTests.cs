using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Identity.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Staff;

/// <summary>
/// Automatic assignment inside the department (issue 3): the staff member with the fewest open cases,
/// ties to the one whose last assignment is longest ago; heads and locked accounts are never picked.
/// Each test has its own app: the counts depend on every case in the database.
/// BILLING's staff are Demo.Staff and Demo.Staff2; its head is Demo.Head.
/// </summary>
public sealed class AutomaticAssignmentTests : IAsyncLifetime
{
    private readonly StaffWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();
    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Cases_routed_to_a_department_alternate_between_its_staff_by_open_load_then_by_longest_wait()
    {
        var staff = await UserIdAsync(Demo.Staff);
        var staff2 = await UserIdAsync(Demo.Staff2);

        var first = await AssigneeOfAsync(await _world.AssignedCaseAsync());
        var second = await AssigneeOfAsync(await _world.AssignedCaseAsync());
        // Both start with nothing: the first goes to one of them, the second to the other (fewer open cases).
        Assert.Equal(new HashSet<Guid?> { staff, staff2 }, new HashSet<Guid?> { first, second });

        // One open case each: the tie goes to whoever was given a case longest ago, i.e. the first one.
        var third = await AssigneeOfAsync(await _world.AssignedCaseAsync());
        Assert.Equal(first, third);

        // Now first has 2 open, second 1: the second gets the next one.
        var fourth = await AssigneeOfAsync(await _world.AssignedCaseAsync());
        Assert.Equal(second, fourth);
        Assert.DoesNotContain(await UserIdAsync(Demo.Head), new[] { first, second, third, fourth });
    }

    [Fact]
    public async Task Closed_cases_do_not_count_as_load()
    {
        var one = await _world.AssignedCaseAsync();
        var two = await _world.AssignedCaseAsync();
        var busy = await AssigneeOfAsync(one);
        var busyEmail = busy == await UserIdAsync(Demo.Staff) ? Demo.Staff : Demo.Staff2;
        var otherEmail = busyEmail == Demo.Staff ? Demo.Staff2 : Demo.Staff;
        // The other one gets a second case, then the first one closes theirs: 0 open against 2.
        var three = await _world.AssignedCaseAsync();
        Assert.Equal(await UserIdAsync(busyEmail), await AssigneeOfAsync(three));
        await _world.App.SendAsync(otherEmail, new AcceptCase(two.CaseId));
        await _world.App.SendAsync(otherEmail, new ResolveCase(two.CaseId, "已处理"));
        await _world.App.SendAsync(Demo.Customer, new ConfirmResolution(two.CaseId, SubmitterProof.None, null));

        var four = await _world.AssignedCaseAsync();
        var five = await _world.AssignedCaseAsync();
        Assert.Equal(await UserIdAsync(otherEmail), await AssigneeOfAsync(four));
        Assert.Equal(await UserIdAsync(otherEmail), await AssigneeOfAsync(five));
    }

    [Fact]
    public async Task A_locked_account_gets_no_cases()
    {
        await _world.App.SendAsync(Demo.Admin, new SetAccountLock(await UserIdAsync(Demo.Staff2), Locked: true));

        for (var i = 0; i < 3; i++)
            Assert.Equal(await UserIdAsync(Demo.Staff), await AssigneeOfAsync(await _world.AssignedCaseAsync()));
    }

    [Fact]
    public async Task Filing_that_a_rule_routes_is_assigned_at_once_and_triage_cases_are_not()
    {
        var routed = await _world.FileAsync(category: "billing");
        var triage = await _world.FileAsync(category: "other");

        Assert.Equal(CaseStatus.Assigned, await _world.StatusAsync(routed.CaseId));
        Assert.Contains(await AssigneeOfAsync(routed), new Guid?[] { await UserIdAsync(Demo.Staff), await UserIdAsync(Demo.Staff2) });
        Assert.Null(await AssigneeOfAsync(triage));
    }

    [Fact]
    public async Task Reassigning_to_a_department_without_a_person_picks_its_least_loaded_staff_and_a_named_person_wins()
    {
        var receipt = await _world.AssignedCaseAsync();
        await _world.App.SendAsync(Demo.Dispatcher, new ReassignCase(receipt.CaseId, _world.Operations, Note: "属运维检修部"));
        Assert.Equal(await UserIdAsync(Demo.OtherStaff), await AssigneeOfAsync(receipt));

        var other = await _world.AssignedCaseAsync();
        await _world.App.SendAsync(Demo.Head, new ReassignCase(other.CaseId, _world.Billing, await UserIdAsync(Demo.Head)));
        Assert.Equal(await UserIdAsync(Demo.Head), await AssigneeOfAsync(other));
    }

    [Fact]
    public async Task Counting_open_cases_seeks_the_assignee_status_index_for_open_statuses_only()
    {
        var sql = await _world.App.DbAsync(db => Task.FromResult(StaffAssignment.InOrderOfPreference(db, _world.Billing, DateTimeOffset.UtcNow).Take(1).ToQueryString()));
        var plan = await _world.App.DbAsync(db => QueryPlan.ExplainAsync(db, sql));
        // A range per open status on (AssigneeId, Status): closed history, however long, is never read.
        Assert.Contains(plan, step => step.StartsWith("SEARCH c USING COVERING INDEX IX_Cases_AssigneeId_Status (AssigneeId=? AND Status=?)"));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN c"));
    }

    private Task<Guid?> AssigneeOfAsync(CaseReceipt receipt) =>
        _world.App.DbAsync(db => db.Cases.Where(c => c.Id == receipt.CaseId).Select(c => c.AssigneeId).SingleAsync());

    private Task<Guid> UserIdAsync(string email) =>
        _world.App.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
