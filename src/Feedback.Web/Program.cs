using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Feedback.Domain.Common;
using Feedback.Domain.Common.Pipeline;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Domain.Organisation;
using Feedback.Domain.Sla;
using Feedback.Web.Infrastructure.Data;
using Feedback.Web.Infrastructure.Deadlines;
using Feedback.Web.Infrastructure.Email;
using Feedback.Domain.Cases;
using Feedback.Web.Api;
using Feedback.Web.Infrastructure.Auditing;
using Feedback.Web.Infrastructure.Files;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Outcomes;
using Feedback.Web.Infrastructure.Privacy;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Supervision;
using Feedback.Web.Infrastructure.Reports;
using Feedback.Web.Infrastructure.Security;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Localization;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Choose(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
var services = builder.Services;
var configuration = builder.Configuration;

services.AddSingleton<FeedbackPaths>();
services.AddSingleton(TimeProvider.System);
services.AddHttpContextAccessor();
// Chinese text goes out as characters, not &#x...; entities (still HTML-encoded where it matters).
services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddScoped<ICurrentUser, HttpCurrentUser>();
services.AddFeedbackData(configuration);

// The only AddMediator call (DESIGN §7). Behaviors run in this order; each one's generic constraint
// decides which messages it applies to (all / IAuthorizedMessage / IValidate / IAudited / commands).
services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(FeedbackDbContext).Assembly, typeof(Program).Assembly];
    options.PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(AuditBehavior<,>),
        typeof(UnitOfWorkBehavior<,>),
    ];
});

// Strings: zh-CN by default, English on request (cookie set by the language switch, or ?culture=en).
services.AddSingleton<StringCatalog>();
services.AddSingleton<JsonStringLocalizer>();
services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<JsonStringLocalizer>());
services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
services.Configure<RequestLocalizationOptions>(options =>
{
    var cultures = StringCatalog.Cultures.Select(c => new CultureInfo(c)).ToList();
    options.DefaultRequestCulture = new RequestCulture(StringCatalog.DefaultCulture);
    options.SupportedCultures = cultures;
    options.SupportedUICultures = cultures;
    options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

services.AddIdentity<User, Role>(options =>
    {
        // Length, not composition (NIST SP 800-63B): long passphrases beat forced symbols.
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedEmail = true;
    })
    .AddEntityFrameworkStores<FeedbackDbContext>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<FeedbackClaimsPrincipalFactory>();
services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.LogoutPath = "/Account/Logout";
    options.AccessDeniedPath = "/Error/403";
    options.Cookie.Name = "feedback.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
});
services.AddFeedbackIdentity(configuration);
services.AddFeedbackAccountSecurity(configuration);
services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff, Roles.DepartmentHead))
    .AddPolicy(Policies.Dispatcher, p => p.RequireRole(Roles.Dispatcher))
    .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
    .AddPolicy(Policies.Customer, p => p.RequireAuthenticatedUser());

services.AddRazorPages(options =>
    {
        options.Conventions.AuthorizeFolder("/Staff", Policies.Staff);
        options.Conventions.AuthorizeFolder("/Dispatch", Policies.Dispatcher);
        options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
        options.Conventions.AuthorizeFolder("/Customer", Policies.Customer);
    })
    .AddMvcOptions(options =>
    {
        options.Filters.AddService<DomainExceptionPageFilter>();
        ModelBindingMessages.Localise(options.ModelBindingMessageProvider);
    });
services.AddScoped<DomainExceptionPageFilter>();
services.AddFeedbackBadInput();
services.AddFeedbackRateLimits(configuration);
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
services.AddSingleton<IAttachmentStore, FileSystemAttachmentStore>();
services.AddSingleton<OrganisationCache>();
services.AddSingleton<WorkCalendarSource>();
services.AddScoped<ISeeder, OrganisationSeeder>();
services.AddFeedbackEmail(configuration);
services.AddFeedbackPublic();
services.AddFeedbackDeadlines(configuration);
services.AddFeedbackSupervision();
services.AddFeedbackApi(configuration);
services.AddFeedbackOutcomes(configuration);
services.AddFeedbackReports(configuration);
services.AddFeedbackPrivacy(configuration);
services.AddFeedbackAudit(configuration);
services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = UploadLimits.MaxRequestBytes);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseSecurityHeaders();
app.UseFeedbackErrors();
app.UseRequestSizeGuard();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseFeedbackAntiforgery();
app.MapHealthChecks("/healthz");
app.MapRazorPages();
app.MapCultureSwitch();
app.MapFeedbackApi();

await app.InitialiseDatabaseAsync();
if (await DemoData.RunIfAskedAsync(app, args))
    return;
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
