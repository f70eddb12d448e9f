using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Cases;

/// <summary>
/// The SQL form of the case access rule (<see cref="CaseAccess.OpenableInStaffView"/>, used by lists that page in
/// SQL) says the same as the rule itself (<see cref="CaseAccess.For(ICurrentUser, Guid?, Guid?, bool)"/> with a
/// staff-view capacity), for every mix of roles and every relation between the person and the case.
/// </summary>
public class CaseAccessTests
{
    private static readonly Guid Own = TestCases.DepartmentA.Id;
    private static readonly Guid Other = TestCases.DepartmentB.Id;

    /// <summary>A case in triage (null) or routed to that department.</summary>
    private static Case CaseIn(Guid? department)
    {
        var @case = TestCases.New();
        if (department is not null)
            @case.Route(department == Own ? TestCases.DepartmentA : TestCases.DepartmentB, Priority.Normal, CaseParticipant.System, TestCases.Now);
        return @case;
    }

    private sealed record Person(Guid? UserId, Guid? DepartmentId, IReadOnlySet<string> Roles) : ICurrentUser
    {
        public string? DisplayName => "someone";
        public bool IsInRole(string role) => Roles.Contains(role);
    }

    private static readonly string[] AllRoles = [Roles.Staff, Roles.DepartmentHead, Roles.Dispatcher, Roles.Admin, Roles.Customer, Roles.Supervisor];

    public static TheoryData<string[], bool, string> People()
    {
        var data = new TheoryData<string[], bool, string>();
        for (var mask = 0; mask < 1 << AllRoles.Length; mask++)
        {
            var roles = AllRoles.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            foreach (var inADepartment in new[] { true, false })
                foreach (var caseIn in new[] { "own", "other", "triage" })
                    data.Add(roles, inADepartment, caseIn);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public void SqlForm_AgreesWithTheRule(string[] roles, bool inADepartment, string caseIn)
    {
        var person = new Person(Guid.NewGuid(), inADepartment ? Own : null, roles.ToHashSet());
        var department = caseIn switch { "own" => Own, "other" => Other, _ => (Guid?)null };
        // The person filed the case themselves: the submitter capacity never opens the staff view.
        var viaRule = CaseAccess.For(person, department, person.UserId).Capacities.Overlaps(CaseAccess.StaffViewCapacities);

        var viaSql = CaseAccess.OpenableInStaffView(person).Compile()(CaseIn(department));

        Assert.Equal(viaRule, viaSql);
    }

    [Fact]
    public void Admins_OpenNoCase_TheServiceCentreEvery_HeadsTheirOwnDepartments()
    {
        var @case = CaseIn(Own);
        bool Opens(Guid? department, params string[] roles) =>
            CaseAccess.OpenableInStaffView(new Person(Guid.NewGuid(), department, roles.ToHashSet())).Compile()(@case);

        Assert.False(Opens(null, Roles.Admin));
        Assert.True(Opens(null, Roles.Dispatcher));
        Assert.True(Opens(Own, Roles.DepartmentHead));
        Assert.False(Opens(Other, Roles.DepartmentHead));
        Assert.False(Opens(Own, Roles.Customer));
    }
}
