using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Security;
using Workshops.Web.Features.Materials;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>A material to add: a file (multipart) or a link, for a workshop or one of its sessions.</summary>
public sealed class NewMaterial
{
    [Description("The title.")] [FromForm(Name = "title")] public string? Title { get; set; }
    [Description("Slides, Poster, Paper, Recording, Dataset, Portal or Other (Slides when not given).")] [FromForm(Name = "type")] public MaterialType? Type { get; set; }
    [Description("Who gave it.")] [FromForm(Name = "speakers")] public string? Speakers { get; set; }
    [Description("Public (the default), Participants or Organisers.")] [FromForm(Name = "visibility")] public MaterialVisibility? Visibility { get; set; }
    [Description("A link, instead of a file.")] [FromForm(Name = "link")] public string? Link { get; set; }
    [Description("The agenda item (session) it belongs to; left out, it belongs to the workshop.")] [FromForm(Name = "session")] public Guid? Session { get; set; }
    [Description("The file, checked by its content as on the page: PDF, office documents, images, archives.")] [FromForm(Name = "file")] public IFormFile? File { get; set; }
}

public static class MaterialsWriteApi
{
    public static void MapMaterialsWriteApi(this RouteGroupBuilder api) =>
        api.MapPost("/workshops/{slug}/materials", CreateAsync).WithName("CreateMaterial").WithTags("Archive")
            .WithSummary("Upload a material").WithDescription("Adds a file or a link to a workshop or one of its sessions, as the materials page does: the file is checked by its content, indexed for search, and shown to those its visibility allows.")
            .RequireToken(ApiScopes.MaterialsWrite).RequireRateLimiting(RateLimitOptions.ApiWrite)
            // Sent with a token, never with the browser's cookie: a cross-site form cannot borrow it, so there is no antiforgery token to ask for.
            .DisableAntiforgery().WithMetadata(new LargeUploadAttribute())
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<MaterialAnswer>, ValidationProblem, ProblemHttpResult>> CreateAsync(string slug, [AsParameters] NewMaterial input,
        HttpContext http, AppDbContext db, MaterialDesk desk, CancellationToken ct)
    {
        if (await TokenWorkshops.ReachableAsync(http, db, slug, ct) is not { } workshop) return ApiProblems.NotFound(TokenWorkshops.NotReached);
        var target = await MaterialTarget.FindAsync(db, workshop.Id, input.Session, null, ct);
        if (target is null || target.Workshop?.Id != workshop.Id) return ApiProblems.Invalid("session", Tr.T("This workshop's agenda has no such item."));
        var form = new MaterialForm
        {
            Title = input.Title ?? "", Type = input.Type ?? MaterialType.Slides, Speakers = input.Speakers,
            Visibility = input.Visibility ?? MaterialVisibility.Public, Link = input.Link,
        };
        if (ApiProblems.Check(form) is { } invalid) return invalid;
        var result = await desk.CreateAsync(target, form.ToDetails(), input.File, http.User.Id(), ct);
        if (!result.Succeeded) return ApiProblems.Refused(result with { Field = ApiProblems.Camel(result.Field) });
        var m = result.Value!;
        var answer = new MaterialAnswer(m.Id, m.Title, m.Type, m.Speakers, workshop.Slug, null, m.Link, m.FileName, m.ContentType, m.FileLength,
            m.FileHash is null ? null : http.Request.AbsoluteUrl($"/materials/{m.Id}/file"), http.Request.AbsoluteUrl($"/materials/{m.Id}")) { Changed = m.UpdatedAt };
        return TypedResults.Created(answer.Url, answer);
    }
}
