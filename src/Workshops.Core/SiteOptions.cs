using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Workshops.Core;

public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>The community's name, shown in the header, emails and PDFs.</summary>
    [Required(ErrorMessage = "Site:Name is required.")]
    [StringLength(100, ErrorMessage = "Site:Name can be at most 100 characters.")]
    public string Name { get; set; } = "Workshops";

    /// <summary>
    /// The public address (https://workshops.example.org) that links in emails, PDFs and feeds start with. Required in
    /// Production; empty on a laptop, where links use the address the site listens on (see <see cref="SiteAddress"/>).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Reverse proxies (addresses, or networks such as 172.16.0.0/12) whose X-Forwarded-* headers are believed; loopback always is.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The largest request body the site reads, except file uploads (Storage:MaxUploadMegabytes) on the pages that take them.</summary>
    [Range(64, 65536, ErrorMessage = "Site:MaxRequestKilobytes must be between 64 and 65536.")]
    public int MaxRequestKilobytes { get; set; } = 2048;

    public long MaxRequestBytes => MaxRequestKilobytes * 1024L;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/"))
            yield return new ValidationResult($"Site:BaseUrl must be an http or https address without a path, such as https://workshops.example.org (it is '{BaseUrl}').", [nameof(BaseUrl)]);
        foreach (var proxy in TrustedProxies.Where(p => !IPAddress.TryParse(p, out _) && !IPNetwork.TryParse(p, out _)))
            yield return new ValidationResult($"Site:TrustedProxies has '{proxy}', which is neither an IP address nor a network such as 10.0.0.0/8.", [nameof(TrustedProxies)]);
    }
}
