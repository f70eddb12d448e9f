using System.Text.Json.Nodes;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Web.Api.Keys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Feedback.Web.Api.V1;

/// <summary>
/// The finishing of <c>/openapi/v1.json</c> that endpoint metadata cannot say (ADR 0022): both ways of sending
/// the key as security schemes, the 403/404/429 problem responses every operation can give, the closed lists
/// (kind, status, language) as enums, the caller rules as <see cref="SubmitCase"/> checks them, and the server
/// address without its trailing slash (linters and generated clients join paths to it).
/// </summary>
public static class V1OpenApi
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Feedback hotline API";
            document.Info.Description = "For the hotline system: file cases for callers, reply, add notes, read cases, follow changes. "
                + "Send the key in the X-Api-Key header (or Authorization: Bearer). Errors are RFC 9457 problem details in the Accept-Language language (zh-CN or en).";
            document.Info.Contact = new OpenApiContact { Name = "95598 service centre" };
            document.Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "Hotline", Description = "Cases filed, read and answered by the hotline system, and the change feed that keeps it in step." },
            };
            foreach (var server in document.Servers ?? [])
                server.Url = server.Url?.TrimEnd('/');
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyFilter.HeaderName,
                Description = "A key with the Hotline scope, issued by an administrator on /Admin/ApiKeys.",
            };
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same key as Authorization: Bearer <key>.",
            };
            // Either scheme will do: two requirements, not one with both.
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            ];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.Responses ??= new OpenApiResponses();
            Problem(operation, "403", "The key is missing, unknown, revoked, lacks the Hotline scope, or its account may not do this.");
            if (context.Description.RelativePath?.Contains("{trackingNumber}", StringComparison.Ordinal) == true)
                Problem(operation, "404", "No case with this tracking number that the key's account may see.");
            Problem(operation, "429", "The key used more than its requests a minute (RateLimits:apiKey); retry after the Retry-After seconds.");
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(FileCaseRequest))
            {
                Enum(schema, "kind", SubmitCase.PublicKinds.Select(k => k.ToString().ToLowerInvariant()), nullable: true);
                Enum(schema, "language", ["zh-CN", "en"], nullable: true);
                Describe(schema, "caller", "Required unless anonymous is true: a name, and a phone or an email. A phone must be a mobile "
                    + "(11 digits from 1) or a landline with its area code; an email must be an address. Name at most 100, address 300, "
                    + "customer number 40 characters. For an anonymous case everything may be left out.");
            }
            else if (type == typeof(CaseDocument))
            {
                Enum(schema, "status", Enum<CaseStatus>(), nullable: false);
                Enum(schema, "kind", Enum<CaseKind>(), nullable: false);
                Enum(schema, "channel", Enum<Channel>(), nullable: false);
                Enum(schema, "priority", Enum<Priority>(), nullable: false);
            }
            else if (type == typeof(TimelineEntry))
            {
                Enum(schema, "type", Enum<CaseEventType>(), nullable: false);
                Enum(schema, "action", Enum<CaseAction>(), nullable: true);
                Enum(schema, "toStatus", Enum<CaseStatus>(), nullable: true);
                Enum(schema, "capacity", Enum<Actor>(), nullable: false);
            }
            else if (type == typeof(ChangeEntry))
            {
                Enum(schema, "type", Enum<CaseEventType>(), nullable: false);
                Enum(schema, "action", Enum<CaseAction>(), nullable: true);
                Enum(schema, "fromStatus", Enum<CaseStatus>(), nullable: true);
                Enum(schema, "toStatus", Enum<CaseStatus>(), nullable: true);
                Enum(schema, "capacity", Enum<Actor>(), nullable: false);
            }
            return Task.CompletedTask;
        });
    }

    private static IEnumerable<string> Enum<T>() where T : struct, System.Enum => System.Enum.GetNames<T>();

    private static void Enum(OpenApiSchema schema, string property, IEnumerable<string> values, bool nullable)
    {
        if (schema.Properties?.TryGetValue(property, out var found) != true || found is not OpenApiSchema target) return;
        var list = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
        // A nullable property lists null too, or a validator refuses the null it may hold.
        if (nullable) list.Add(null!);
        target.Enum = list;
    }

    private static void Describe(OpenApiSchema schema, string property, string description)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
            target.Description = description;
        else if (schema.Properties?.TryGetValue(property, out var reference) == true && reference is OpenApiSchemaReference)
            schema.Description = (schema.Description is { Length: > 0 } d ? d + " " : "") + $"{property}: {description}";
    }

    private static void Problem(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = ProblemSchema() },
            },
        };
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; title and detail in the Accept-Language language.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
    };
}
