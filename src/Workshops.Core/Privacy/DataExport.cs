using Microsoft.AspNetCore.Identity;

namespace Workshops.Core.Privacy;

public enum DataExportStatus
{
    Queued,
    Building,
    Ready,
    Failed,
}

/// <summary>
/// A person's request for a copy of their data: the job that builds it counts its parts here, which their account
/// page shows, and the ZIP is kept in the file store until <see cref="ExpiresAt"/>. The daily sweep then removes the
/// row and the file with it.
/// </summary>
public sealed class DataExport
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    [PersonalData] public string UserId { get; private set; } = "";
    public DataExportStatus Status { get; private set; }
    public int Parts { get; private set; }
    public int PartsDone { get; private set; }
    public string? FileHash { get; private set; }
    public long Length { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>A build that has not ended by then was lost (the site stopped in the middle); the person may ask again.</summary>
    public static readonly TimeSpan GivenUpAfter = TimeSpan.FromMinutes(15);

    private DataExport() { }

    public static DataExport Ask(string userId, DateTimeOffset now, TimeSpan keptFor) =>
        new() { UserId = userId, Status = DataExportStatus.Queued, CreatedAt = now, ExpiresAt = now + keptFor };

    public bool IsActive(DateTimeOffset now) => Status is DataExportStatus.Queued or DataExportStatus.Building && now - CreatedAt < GivenUpAfter;

    public bool IsReady(DateTimeOffset now) => Status == DataExportStatus.Ready && FileHash is not null && now < ExpiresAt;

    public void Start(int parts) => (Status, Parts, PartsDone) = (DataExportStatus.Building, parts, 0);

    public void Progress(int done) => PartsDone = Math.Min(done, Parts);

    public void Finish(string hash, long length, DateTimeOffset now) =>
        (Status, FileHash, Length, PartsDone, FinishedAt) = (DataExportStatus.Ready, hash, length, Parts, now);

    public void Fail(DateTimeOffset now) => (Status, FinishedAt) = (DataExportStatus.Failed, now);
}
