using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision;
using Feedback.Domain.Supervision.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Supervision;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Supervisor;

/// <summary>客户座谈会: a serving supervisor records a customer forum and the suggestions raised there.</summary>
[Authorize(Policy = SupervisionServices.ServingSupervisor)]
public sealed class ForumModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public const int SuggestionRowsShown = 3;

    public string FormPrefix => "Input";

    [BindProperty] public ForumInput Input { get; set; } = new();

    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public IReadOnlyList<SupervisorChoice> Supervisors { get; private set; } = [];

    public async Task OnGetAsync(int? suggestions, CancellationToken cancellationToken)
    {
        await LoadAsync(suggestions ?? SuggestionRowsShown, cancellationToken);
        Input.HeldOn ??= DateOnly.FromDateTime(DateTime.Today);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(SuggestionRowsShown, cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        var receipt = await mediator.Send(new RecordForum(Input.HeldOn ?? default, Input.Place ?? "", Input.ServiceAreaId ?? Guid.Empty,
            Input.CustomerCount ?? 0, Input.SupervisorUserIds, RaisedItemInput.ToItems(Input.Suggestions), SupervisorPages.Culture), cancellationToken);
        TempData[IndexModel.DoneKey] = "Supervision.Forum.Recorded";
        return RedirectToPage("/Supervisor/Index");
    }

    private async Task LoadAsync(int rows, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        Supervisors = await mediator.Send(new ListServingSupervisors(), cancellationToken);
        Input.Suggestions = RaisedItemInput.Rows(Input.Suggestions, rows, Forum.MaxSuggestions);
    }

    public sealed class ForumInput
    {
        public DateOnly? HeldOn { get; set; }
        public string? Place { get; set; }
        public Guid? ServiceAreaId { get; set; }
        public int? CustomerCount { get; set; }
        public List<Guid> SupervisorUserIds { get; set; } = [];
        public List<RaisedItemInput> Suggestions { get; set; } = [];
    }
}
