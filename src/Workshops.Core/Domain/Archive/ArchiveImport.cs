namespace Workshops.Core.Domain.Archive;

public enum ArchiveImportStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>An import of a static site's archive uploaded as a ZIP: run by a job, which reports its progress and then its report here.</summary>
public sealed class ArchiveImport
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string FileHash { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string StartedById { get; private set; } = "";
    public ArchiveImportStatus Status { get; private set; }
    public int Done { get; private set; }
    public int Total { get; private set; }
    public string? Summary { get; private set; }
    /// <summary>The report, a line per event, entry skipped or file missing.</summary>
    public string? Report { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    private ArchiveImport() { }

    public static ArchiveImport Queue(string fileHash, string fileName, string byUserId, DateTimeOffset now) =>
        new() { FileHash = fileHash, FileName = fileName, StartedById = byUserId, Status = ArchiveImportStatus.Queued, CreatedAt = now };

    public void Start() => Status = ArchiveImportStatus.Running;

    public void Finish(string summary, string report, DateTimeOffset now) =>
        (Status, Summary, Report, FinishedAt, Done) = (ArchiveImportStatus.Done, summary, report, now, Total);

    public void Fail(string reason, DateTimeOffset now) => (Status, Summary, FinishedAt) = (ArchiveImportStatus.Failed, reason.Length > 2000 ? reason[..2000] : reason, now);
}
