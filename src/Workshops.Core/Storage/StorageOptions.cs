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

    /// <summary>Pages of a PDF whose words are read for search; the rest of a longer one is not searched.</summary>
    [Range(1, 100_000, ErrorMessage = "Storage:PdfTextMaxPages must be between 1 and 100,000.")]
    public int PdfTextMaxPages { get; set; } = 1000;

    /// <summary>Seconds a worker spends reading one PDF's words before it gives up on the rest, so a hostile file cannot hold it.</summary>
    [Range(0, 3600, ErrorMessage = "Storage:PdfTextMaxSeconds must be between 0 and 3600.")]
    public int PdfTextMaxSeconds { get; set; } = 30;

    /// <summary>
    /// Hours a stored file no row refers to is kept before the daily sweep removes it: an upload being saved, or a pack
    /// being rebuilt, is never caught between storing its file and saving its row.
    /// </summary>
    [Range(1, 720, ErrorMessage = "Storage:SweepGraceHours must be between 1 and 720.")]
    public int SweepGraceHours { get; set; } = 24;

    public string FullDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);
}
