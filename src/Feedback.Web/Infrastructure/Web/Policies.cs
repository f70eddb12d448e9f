namespace Feedback.Web.Infrastructure.Web;

/// <summary>Authorization policies for page folders. Finer checks (which case, which department) are in the domain.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Dispatcher = nameof(Dispatcher);
    public const string Admin = nameof(Admin);
    public const string Customer = nameof(Customer);
}
