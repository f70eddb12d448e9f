using System.Globalization;
using Feedback.Domain.Organisation;
using Feedback.Domain.Publishing.Queries;
using Feedback.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Outcomes;

/// <summary>/Outcomes/{id}: one published notice with the timeline of its measures. Anything not published is a 404.</summary>
public sealed class DetailModel(IMediator mediator, OrganisationCache organisation) : PageModel
{
    public PublishedOutcomeView Outcome { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        Outcome = await mediator.Send(new GetPublishedOutcome(id), cancellationToken);
    }
}
