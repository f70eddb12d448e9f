using System.Linq.Expressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Common.Privacy;

namespace Feedback.Domain.Api;

/// <summary>
/// What Open311's public reads (<c>GET requests</c>, <c>GET servicerequestupdates</c>) say about a case's
/// progress (ADR 0022). A public update is a milestone of the case: resolved, the customer confirmed or
/// reopened it, closed automatically, refused by the service centre. The conversation with the customer
/// (replies, questions and answers) and everything internal (notes, accepting, routing, deadlines) is not
/// published and does not move <c>updated_datetime</c>. Text from those handling the case is published
/// only after the same masking as every public page (<see cref="PersonalDataInText"/>, with the case's own
/// contact details always found); the customer's own words are never published, only that they acted.
/// </summary>
public static class Open311Publication
{
    public static readonly IReadOnlyList<CaseAction> PublishedActions =
        [CaseAction.Resolve, CaseAction.ConfirmResolution, CaseAction.RejectResolution, CaseAction.AutoClose, CaseAction.Reject];

    /// <summary>The timeline entries that are public updates (an expression, so it runs in SQL).</summary>
    public static readonly Expression<Func<CaseEvent, bool>> IsUpdate = e =>
        e.IsPublic && e.Type == CaseEventType.StatusChanged
        && (e.Action == CaseAction.Resolve || e.Action == CaseAction.ConfirmResolution || e.Action == CaseAction.RejectResolution
            || e.Action == CaseAction.AutoClose || e.Action == CaseAction.Reject);

    /// <summary>Those handling the case write what may be published (after masking); the customer and the system do not.</summary>
    public static bool IsHandlersText(Actor actor) => actor is Actor.Staff or Actor.DepartmentHead or Actor.Dispatcher;

    /// <summary>The update's public text: the handlers' words masked, or null (the edge then names the action).</summary>
    public static string? PublicText(Actor actor, string? text, ContactDetails contact) =>
        IsHandlersText(actor) && !string.IsNullOrWhiteSpace(text) ? PersonalDataInText.Mask(text, contact).Text : null;

    /// <summary>The request's public description: what was filed, masked like any public page.</summary>
    public static string PublicDescription(string description, ContactDetails contact) =>
        PersonalDataInText.Mask(description, contact).Text;
}
