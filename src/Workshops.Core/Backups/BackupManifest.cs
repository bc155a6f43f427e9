using System.Text.Json;

namespace Workshops.Core.Backups;

/// <summary>What a backup folder holds, written last so that a folder without it is known to be unfinished.</summary>
public sealed record BackupManifest(
    int Format,
    string Provider,
    DateTimeOffset CreatedAt,
    string LastMigration,
    string DatabaseFile,
    int Files,
    long FileBytes,
    int SigningKeys,
    string Note)
{
    public const string FileName = "backup.json";
    public const int CurrentFormat = 1;

    public static async Task<BackupManifest?> ReadAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BackupManifest>(file, JsonSerializerOptions.Web, ct);
    }

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        await using var file = File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(file, this, new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true }, ct);
    }
}
