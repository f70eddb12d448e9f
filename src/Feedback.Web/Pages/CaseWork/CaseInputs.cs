using Feedback.Domain.Cases;

namespace Feedback.Web.Pages.CaseWork;

// One small form per action on the staff case page (and the triage page). Each form posts its fields under
// its own prefix (e.g. Resolve.Summary), named like the command's properties, so that a refused command's
// errors appear next to the form that sent it. Strings are nullable: an empty field is the command's to refuse.

public sealed class QuestionInput { public string? Question { get; set; } }

public sealed class InformationInput { public string? Information { get; set; } }

public sealed class SummaryInput { public string? Summary { get; set; } }

public sealed class ReasonInput { public string? Reason { get; set; } }

public sealed class TextInput { public string? Text { get; set; } }

public sealed class ReassignInput
{
    public Guid? DepartmentId { get; set; }
    public Guid? AssigneeId { get; set; }
    public string? Note { get; set; }
}

public sealed class RouteInput
{
    public Guid? DepartmentId { get; set; }
    public Priority Priority { get; set; } = Priority.Normal;
    public string? Note { get; set; }
}

public sealed class RejectInput
{
    public RejectionReason Reason { get; set; } = RejectionReason.Invalid;
    public string? Note { get; set; }
    public string? DuplicateOf { get; set; }
}
