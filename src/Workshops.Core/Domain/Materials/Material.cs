using Workshops.Core.Privacy;
using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Materials;

/// <summary>
/// Slides, a poster, a recording or any other material, either a file or a link, never both: of a session (an
/// agenda item), of a workshop as a whole, or of an archived event. A replaced file stays as an earlier version.
/// </summary>
public sealed class Material
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid? WorkshopId { get; private set; }
    /// <summary>The session within the workshop; none for the workshop's own materials.</summary>
    public Guid? AgendaItemId { get; private set; }
    public Guid? ArchivedEventId { get; private set; }
    public string Title { get; private set; } = "";
    public MaterialType Type { get; private set; }
    [PersonalData] public string? Speakers { get; private set; }
    public MaterialVisibility Visibility { get; private set; }
    public string? Link { get; private set; }
    /// <summary>The current file: its content hash in the store, the name it downloads as, and its kind.</summary>
    public string? FileHash { get; private set; }
    [NotPersonal("a material's file name, part of the workshop's record like the file")] public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? FileLength { get; private set; }
    public int FileVersion { get; private set; }
    public DateTimeOffset? FileUploadedAt { get; private set; }
    public List<MaterialFile> Files { get; private set; } = [];
    /// <summary>Where an import made it ("static:13/4"), so a second import finds it instead of adding it again.</summary>
    public string? SourceKey { get; private set; }
    public int Position { get; private set; }
    [PersonalData] public string? CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Material() { }

    public bool IsLink => Link is not null;

    public static Material ForWorkshop(Guid workshopId, Guid? agendaItemId, MaterialDetails details, string? byUserId, DateTimeOffset now) =>
        New(details, byUserId, now, m => (m.WorkshopId, m.AgendaItemId) = (workshopId, agendaItemId));

    public static Material ForEvent(Guid archivedEventId, MaterialDetails details, string? sourceKey, int position, DateTimeOffset now) =>
        New(details, null, now, m => (m.ArchivedEventId, m.SourceKey, m.Position) = (archivedEventId, sourceKey, position));

    private static Material New(MaterialDetails details, string? byUserId, DateTimeOffset now, Action<Material> attach)
    {
        details.Validate();
        var material = new Material { CreatedById = byUserId, CreatedAt = now, Link = details.Link?.Trim() };
        attach(material);
        material.Apply(details, now);
        return material;
    }

    /// <summary>The uploader's account is deleted: the material stays with the workshop's record, without them.</summary>
    public void EraseUploader(string userId, Func<string?, string?> scrub)
    {
        if (CreatedById == userId) CreatedById = null;
        Speakers = scrub(Speakers);
        foreach (var file in Files.Where(f => f.UploadedById == userId)) file.EraseUploader();
    }

    /// <summary>Changes what is said about the material; whether it is a file or a link was settled when it was made.</summary>
    public void Edit(MaterialDetails details, DateTimeOffset now)
    {
        details.Validate();
        if (IsLink && details.Link is null) throw new DomainException(Tr.T("A link material needs its web address."), nameof(Link));
        if (!IsLink && details.Link is not null) throw new DomainException(Tr.T("This material is a file; add the link as a material of its own."), nameof(Link));
        if (IsLink) Link = details.Link!.Trim();
        Apply(details, now);
    }

    private void Apply(MaterialDetails details, DateTimeOffset now)
    {
        if (ArchivedEventId is not null && details.Visibility == MaterialVisibility.Participants)
            throw new DomainException(Tr.T("An archived event has no participants here: choose everyone or organisers only."), nameof(details.Visibility));
        Title = details.Title.Trim();
        Type = details.Type;
        Speakers = string.IsNullOrWhiteSpace(details.Speakers) ? null : details.Speakers.Trim();
        Visibility = details.Visibility;
        UpdatedAt = now;
    }

    /// <summary>The file becomes the current one; the one it replaces stays as an earlier version.</summary>
    public MaterialFile AttachFile(string hash, long length, string fileName, string contentType, string? byUserId, DateTimeOffset now)
    {
        if (IsLink) throw new DomainException(Tr.T("This material is a link; a file needs a material of its own."), "File");
        var file = new MaterialFile(Id, FileVersion + 1, hash, length, SafeFileName.From(fileName), contentType, byUserId, now);
        Files.Add(file);
        (FileHash, FileLength, FileName, ContentType, FileVersion, FileUploadedAt) = (file.Hash, file.Length, file.FileName, file.ContentType, file.Number, now);
        UpdatedAt = now;
        return file;
    }
}

/// <summary>One uploaded version of a material's file.</summary>
public sealed class MaterialFile(Guid materialId, int number, string hash, long length, string fileName, string contentType, string? uploadedById, DateTimeOffset uploadedAt)
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid MaterialId { get; private set; } = materialId;
    public int Number { get; private set; } = number;
    public string Hash { get; private set; } = hash;
    public long Length { get; private set; } = length;
    [NotPersonal("a material's file name, part of the workshop's record like the file")] public string FileName { get; private set; } = fileName;
    public string ContentType { get; private set; } = contentType;
    [PersonalData] public string? UploadedById { get; private set; } = uploadedById;
    public DateTimeOffset UploadedAt { get; private set; } = uploadedAt;

    internal void EraseUploader() => UploadedById = null;
}
