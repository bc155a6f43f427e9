namespace Workshops.Core.Domain.Packs;

/// <summary>The latest pack built for one registration: the PDF in the file store, and the agenda version it prints.</summary>
public sealed class AttendeePack
{
    public Guid RegistrationId { get; private set; }
    public Guid WorkshopId { get; private set; }
    public string FileHash { get; private set; } = "";
    public long Length { get; private set; }
    public int? AgendaVersion { get; private set; }
    public Guid RunId { get; private set; }
    public DateTimeOffset BuiltAt { get; private set; }

    private AttendeePack() { }

    public static AttendeePack For(Guid registrationId, Guid workshopId) => new() { RegistrationId = registrationId, WorkshopId = workshopId };

    public void Built(string fileHash, long length, int? agendaVersion, Guid runId, DateTimeOffset now) =>
        (FileHash, Length, AgendaVersion, RunId, BuiltAt) = (fileHash, length, agendaVersion, runId, now);
}
