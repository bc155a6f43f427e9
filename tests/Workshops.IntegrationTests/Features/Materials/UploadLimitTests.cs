using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Materials;

public sealed class SmallUploadsApp : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Storage:MaxUploadMegabytes", "1")];
}

public sealed class UploadLimitTests(SmallUploadsApp app) : IClassFixture<SmallUploadsApp>
{
    [Theory]
    [InlineData(1024 * 1024 + 100 * 1024)]   // the body is within the form's slack: the store stops it while streaming
    [InlineData(3 * 1024 * 1024)]            // the body says it is too large: refused before it is read
    public async Task An_upload_over_the_limit_gets_413_and_nothing_is_written(int size)
    {
        var workshop = await app.AddWorkshopAsync($"l-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var big = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(big);
        var response = await organiser.PostUploadAsync($"/materials/new?workshop={workshop.Id}",
            new() { ["Input.Title"] = "Huge scan", ["Input.Type"] = "Paper", ["Input.Visibility"] = "Public" }, ("Upload", "scan.pdf", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.True(body.Contains("1 MB"), body);
        Assert.Empty(app.StoredFiles());
        Assert.False(await app.WithDb(db => db.Materials.AnyAsync(m => m.WorkshopId == workshop.Id)));
    }
}
