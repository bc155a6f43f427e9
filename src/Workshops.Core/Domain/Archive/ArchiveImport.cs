using Workshops.Core.Privacy;
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
    [NotPersonal("the name of an uploaded archive, kept with the import's report")] public string FileName { get; private set; } = "";
    [ActedBy] public string StartedById { get; private set; } = "";
    public ArchiveImportStatus Status { get; private set; }
    public int Done { get; private set; }
    public int Total { get; private set; }
    public string? Summary { get; private set; }
    /// <summary>The report, a line per event, entry skipped or file missing.</summary>
    public string? Report { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>When the job last reported progress: an import that stops reporting was lost with its process.</summary>
    public DateTimeOffset? ProgressAt { get; private set; }

    /// <summary>Longer than any one event takes; an import silent this long was lost in a restart or a kill.</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(15);

    public bool IsLost(DateTimeOffset now) =>
        Status is ArchiveImportStatus.Queued or ArchiveImportStatus.Running && (ProgressAt ?? CreatedAt) < now - LostAfter;

    /// <summary>A new import of the same upload, for one that failed or was lost.</summary>
    public ArchiveImport Again(string byUserId, DateTimeOffset now) => Queue(FileHash, FileName, byUserId, now);

    private ArchiveImport() { }

    public static ArchiveImport Queue(string fileHash, string fileName, string byUserId, DateTimeOffset now) =>
        new() { FileHash = fileHash, FileName = fileName, StartedById = byUserId, Status = ArchiveImportStatus.Queued, CreatedAt = now };

    public void Start(DateTimeOffset now) => (Status, ProgressAt) = (ArchiveImportStatus.Running, now);

    public void Finish(string summary, string report, DateTimeOffset now) =>
        (Status, Summary, Report, FinishedAt, Done) = (ArchiveImportStatus.Done, summary, report, now, Total);

    public void Fail(string reason, DateTimeOffset now) => (Status, Summary, FinishedAt) = (ArchiveImportStatus.Failed, reason.Length > 2000 ? reason[..2000] : reason, now);
}
