namespace Feedback.Domain.Common;

/// <summary>Who is sending the current message. The web edge fills it from the signed-in principal.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string? DisplayName { get; }
    /// <summary>The department a Staff member or DepartmentHead belongs to.</summary>
    Guid? DepartmentId { get; }
    bool IsInRole(string role);
    /// <summary>The partner API key the request came with (null for people and the system).</summary>
    Guid? ApiKeyId => null;
    bool IsAuthenticated => UserId is not null;
    bool IsStaffOf(Guid? departmentId) =>
        departmentId is not null && DepartmentId == departmentId && (IsInRole(Roles.Staff) || IsInRole(Roles.DepartmentHead));
}

/// <summary>The scanner, the outbox processor and seeding act as the system.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();
    public Guid? UserId => null;
    public string? DisplayName => "System";
    public Guid? DepartmentId => null;
    public bool IsInRole(string role) => false;
}
