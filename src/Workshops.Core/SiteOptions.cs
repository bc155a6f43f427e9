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

    /// <summary>
    /// Seconds a stopping node keeps serving while /healthz/ready already answers 503, so a load balancer that checks it
    /// stops sending new requests before the node closes its port. 0 (the default) stops at once.
    /// </summary>
    [Range(0, 300, ErrorMessage = "Site:DrainSeconds must be between 0 and 300.")]
    public int DrainSeconds { get; set; }

    /// <summary>
    /// When the site goes quiet, also hand back the pages of the program files it has in memory (the .NET libraries'
    /// code, ICU's data), which the system reads again from disk when a request needs them. True by default: they are most
    /// of the resident memory of an idle site; false keeps them, for a first request after a quiet spell without that
    /// wait (tens of milliseconds).
    /// </summary>
    public bool ReleaseMappedFilesWhenQuiet { get; set; } = true;

    /// <summary>Where the community talks and keeps its work, linked from the home page; each is optional.</summary>
    public CommunityLinks Links { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/"))
            yield return new ValidationResult($"Site:BaseUrl must be an http or https address without a path, such as https://workshops.example.org (it is '{BaseUrl}').", [nameof(BaseUrl)]);
        foreach (var (name, address) in Links.All.Where(l => !Uri.TryCreate(l.Address, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https" or "mailto")))
            yield return new ValidationResult($"Site:Links:{name} must be a full address starting with https://, http:// or mailto: (it is '{address}').", [nameof(Links)]);
        foreach (var proxy in TrustedProxies.Where(p => !IPAddress.TryParse(p, out _) && !IPNetwork.TryParse(p, out _)))
            yield return new ValidationResult($"Site:TrustedProxies has '{proxy}', which is neither an IP address nor a network such as 10.0.0.0/8.", [nameof(TrustedProxies)]);
    }
}

/// <summary>The community's places beyond this site: its mailing list, chat, code and documentation.</summary>
public sealed class CommunityLinks
{
    public string? MailingList { get; set; }
    public string? Chat { get; set; }
    public string? Code { get; set; }
    public string? Documentation { get; set; }

    /// <summary>The ones set, by their setting's name.</summary>
    public IEnumerable<(string Name, string Address)> All => new[]
    {
        (nameof(MailingList), MailingList), (nameof(Chat), Chat), (nameof(Code), Code), (nameof(Documentation), Documentation),
    }.Where(l => !string.IsNullOrWhiteSpace(l.Item2)).Select(l => (l.Item1, l.Item2!.Trim()));
}
