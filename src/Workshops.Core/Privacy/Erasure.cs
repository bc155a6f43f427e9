using System.Text.RegularExpressions;

namespace Workshops.Core.Privacy;

/// <summary>What an erased person becomes, in every table alike.</summary>
public static class Erasure
{
    /// <summary>
    /// Stored in English like every other value; pages that show a row marked erased say it in the reader's language
    /// (<c>Tr.T("Deleted participant")</c>).
    /// </summary>
    public const string Label = "Deleted participant";

    /// <summary>
    /// The kind of the email that asks to confirm a new address: it goes to an address the person only typed, which
    /// may be someone else's, so it never makes that address theirs (the site's own AccountEmails.ChangeEmailKind).
    /// </summary>
    public const string UnconfirmedAddressKind = "account.change-email";

    /// <summary>An address that can never be delivered (RFC 6761's .invalid) and stays unique per row.</summary>
    public static string Address(Guid id) => $"erased-{id:N}@invalid";

    /// <summary>
    /// Replaces every occurrence of the person's names and addresses in a free text with <see cref="Label"/>, ignoring
    /// case. Names shorter than four letters are left: "Ana" would take words out of other people's texts.
    /// </summary>
    public static Func<string?, string?> Scrubber(IEnumerable<string> needles)
    {
        // HTML bodies hold "María" as "Mar&#xED;a": both spellings go.
        var words = needles.Where(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length >= 4).Select(n => n.Trim())
            .SelectMany(n => new[] { n, System.Text.Encodings.Web.HtmlEncoder.Default.Encode(n), System.Net.WebUtility.HtmlEncode(n) })
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(n => n.Length).ToList();
        if (words.Count == 0) return text => text;
        // Whole words only: erasing "Paul" leaves "Pauline" alone.
        var pattern = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', words.Select(Regex.Escape)) + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return text => text is null ? null : pattern.Replace(text, Label);
    }
}
