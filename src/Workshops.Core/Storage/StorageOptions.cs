using System.ComponentModel.DataAnnotations;

namespace Workshops.Core.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite file, uploaded files and dropped mail; relative paths start at the site's folder.</summary>
    [Required(ErrorMessage = "Storage:DataDirectory must name a folder.")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Largest upload accepted, in megabytes.</summary>
    [Range(1, 2048, ErrorMessage = "Storage:MaxUploadMegabytes must be between 1 and 2048.")]
    public int MaxUploadMegabytes { get; set; } = 200;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    public string FullDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);
}
