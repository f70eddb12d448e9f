using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Routing;
using Feedback.Domain.Routing.Commands;
using Feedback.Domain.Routing.Queries;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Admin.Routing;

/// <summary>Add a routing rule (/Admin/Routing/Edit) or change one (/Admin/Routing/Edit/{id}).</summary>
public sealed class EditModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public RuleInput Input { get; set; } = new();

    public RoutingRuleSummary? Existing { get; private set; }
    public RoutingText Text { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Existing is { } rule)
            Input = new RuleInput
            {
                Name = rule.Name, NameEn = rule.NameEn, Kinds = [.. rule.Kinds], CategoryIds = [.. rule.CategoryIds], AreaIds = [.. rule.AreaIds],
                Channels = [.. rule.Channels], Keywords = string.Join("\n", rule.Keywords), DepartmentId = rule.DepartmentId,
                Priority = rule.Priority, CatchAll = !rule.HasConditions,
            };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        this.EnsureValid([]);
        var fields = new RoutingRuleFields(Input.Name ?? "", Input.Kinds, Input.CategoryIds, Input.AreaIds, Input.Channels,
            RoutingRule.ParseKeywords(Input.Keywords), Input.DepartmentId ?? Guid.Empty, Input.Priority, Input.CatchAll, Input.NameEn);
        if (Id is { } id)
        {
            await mediator.Send(new UpdateRoutingRule(id, fields), cancellationToken);
            return Redirect($"/Admin/Routing?done=Saved#rule-{id}");
        }
        var added = await mediator.Send(new AddRoutingRule(fields), cancellationToken);
        return Redirect($"/Admin/Routing?done=Added#rule-{added}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Text = new RoutingText(localizer, await organisation.GetAsync(cancellationToken));
        if (Id is { } id)
            Existing = await mediator.Send(new GetRoutingRule(id), cancellationToken);
    }

    /// <summary>Offered in the lists: what is active, plus whatever the rule already uses.</summary>
    public IEnumerable<T> Offered<T>(IEnumerable<T> entries, IEnumerable<Guid> chosen) where T : NamedEntity =>
        entries.Where(e => e.IsActive || chosen.Contains(e.Id));

    public sealed class RuleInput
    {
        public string? Name { get; set; }
        public string? NameEn { get; set; }
        public List<CaseKind> Kinds { get; set; } = [];
        public List<Guid> CategoryIds { get; set; } = [];
        public List<Guid> AreaIds { get; set; } = [];
        public List<Channel> Channels { get; set; } = [];
        /// <summary>One field, comma (, ，、) or newline separated.</summary>
        public string? Keywords { get; set; }
        public Guid? DepartmentId { get; set; }
        public Priority Priority { get; set; } = Priority.Normal;
        public bool CatchAll { get; set; }
    }
}
