using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Pdf;
using Workshops.Core.Storage;

namespace Workshops.IntegrationTests.Support;

/// <summary>Materials written straight to the store and database, and uploads posted as a browser does.</summary>
public static class MaterialData
{
    public static byte[] Pdf(string text) => new PdfDocumentBuilder("Slides").Heading("Slides").Paragraph(text).ToBytes();

    public static async Task<Material> AddMaterialAsync(this AppFactory app, Guid? workshopId, Guid? itemId, string title,
        MaterialVisibility visibility = MaterialVisibility.Public, byte[]? file = null, string fileName = "slides.pdf", string? link = null, Guid? eventId = null)
    {
        var details = new MaterialDetails(title, link is null ? MaterialType.Slides : MaterialType.Recording, "Ana Pérez", visibility, link);
        var material = eventId is { } e ? Material.ForEvent(e, details, null, 0, DateTimeOffset.UtcNow)
            : Material.ForWorkshop(workshopId!.Value, itemId, details, null, DateTimeOffset.UtcNow);
        if (link is null)
        {
            var bytes = file ?? Pdf($"Contents of {title}");
            var store = app.Services.GetRequiredService<IFileStore>();
            var (stored, kind) = await FileIntake.StoreAsync(store, new MemoryStream(bytes), fileName, long.MaxValue, default);
            material.AttachFile(stored.Hash, stored.Length, fileName, kind.ContentType, null, DateTimeOffset.UtcNow);
        }
        await app.WithDb(async db =>
        {
            db.Materials.Add(material);
            return await db.SaveChangesAsync();
        });
        return material;
    }

    /// <summary>Loads the form page for its antiforgery token, then posts the fields and the file as multipart.</summary>
    public static async Task<HttpResponseMessage> PostUploadAsync(this HttpClient client, string url, Dictionary<string, string> fields,
        (string Name, string FileName, byte[] Bytes)? file, string? formPage = null)
    {
        var content = new MultipartFormDataContent { { new StringContent(await client.AntiforgeryTokenAsync(formPage ?? url)), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        if (file is { } f) content.Add(new ByteArrayContent(f.Bytes), f.Name, f.FileName);
        return await client.PostAsync(url, content);
    }

    /// <summary>Files under the store's root, leaving out its empty temporary folder.</summary>
    public static string[] StoredFiles(this AppFactory app)
    {
        var root = Path.Combine(app.DataDirectory, "files");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }
}
