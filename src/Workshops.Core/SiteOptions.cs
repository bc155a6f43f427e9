using System.ComponentModel.DataAnnotations;

namespace Workshops.Core;

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The community's name, shown in the header, emails and PDFs.</summary>
    [Required(ErrorMessage = "Site:Name is required.")]
    [StringLength(100, ErrorMessage = "Site:Name can be at most 100 characters.")]
    public string Name { get; set; } = "Workshops";
}
