namespace Feedback.Domain.Common;

/// <summary>The role names of DESIGN §1, as stored by ASP.NET Core Identity.</summary>
public static class Roles
{
    public const string Customer = nameof(Customer);
    public const string Supervisor = nameof(Supervisor);
    public const string Staff = nameof(Staff);
    public const string DepartmentHead = nameof(DepartmentHead);
    public const string Dispatcher = nameof(Dispatcher);
    public const string Admin = nameof(Admin);

    /// <summary>
    /// Carried only by a request authenticated with an API key (never an Identity role, so not in <see cref="All"/>):
    /// it lets a partner system file through the Open311 and Api channels.
    /// </summary>
    public const string ApiClient = nameof(ApiClient);

    public static readonly IReadOnlyList<string> All = [Customer, Supervisor, Staff, DepartmentHead, Dispatcher, Admin];

    /// <summary>Roles that are created by an admin and must use two-factor authentication.</summary>
    public static readonly IReadOnlyList<string> Privileged = [Staff, DepartmentHead, Dispatcher, Admin];

    /// <summary>Roles that must use two-factor authentication: the privileged ones and appointed supervisors.</summary>
    public static readonly IReadOnlyList<string> TwoFactor = [.. Privileged, Supervisor];
}
