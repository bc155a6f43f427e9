using System.ComponentModel.DataAnnotations;
using Workshops.Core.Domain.Materials;

namespace Workshops.Web.Features.Materials;

public sealed class MaterialForm
{
    [Required(ErrorMessage = "Give the material a title.")]
    [StringLength(MaterialDetails.MaxTitle, ErrorMessage = "Keep the title under {1} characters.")]
    public string Title { get; set; } = "";

    public MaterialType Type { get; set; } = MaterialType.Slides;

    [StringLength(MaterialDetails.MaxSpeakers, ErrorMessage = "Keep the speakers under {1} characters.")]
    public string? Speakers { get; set; }

    public MaterialVisibility Visibility { get; set; } = MaterialVisibility.Public;

    [StringLength(MaterialDetails.MaxLink, ErrorMessage = "Keep the link under {1} characters.")]
    public string? Link { get; set; }

    public MaterialDetails ToDetails() =>
        new(Title ?? "", Type, Speakers, Visibility, string.IsNullOrWhiteSpace(Link) ? null : Link.Trim());

    /// <summary>The material's version when the form was drawn (see Versions); empty for a new one.</summary>
    public long? Version { get; set; }

    public static MaterialForm From(Material m) => new()
    {
        Version = Workshops.Core.Data.Versions.Of(m.UpdatedAt), Title = m.Title, Type = m.Type, Speakers = m.Speakers, Visibility = m.Visibility, Link = m.Link,
    };
}
