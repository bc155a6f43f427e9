using MimeKit;

namespace Workshops.Core.Domain.Announcements;

/// <summary>
/// Addresses pasted from a spreadsheet or an email client: one per line or separated by commas or semicolons,
/// "Name &lt;address&gt;" allowed, and a quoted name may hold a comma ("Souza, Ana" &lt;ana@example.org&gt;), as mail programs copy them.
/// </summary>
public static class PastedAddresses
{
    public sealed record Result(IReadOnlyList<(string Address, string? Name)> Valid, IReadOnlyList<string> Invalid);

    public static Result Parse(string? text)
    {
        var valid = new List<(string, string?)>();
        var invalid = new List<string>();
        foreach (var line in (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // MimeKit reads a line as an address list, commas and semicolons included, minding quotes.
            if (InternetAddressList.TryParse(line.Replace(';', ','), out var list) && list.Mailboxes.Any() && list.Mailboxes.All(m => IsPlausible(m.Address)))
                valid.AddRange(list.Mailboxes.Select(m => (m.Address, string.IsNullOrWhiteSpace(m.Name) ? null : m.Name.Trim())));
            else
                // Told apart again so the message names the piece that is wrong, not the whole line.
                invalid.AddRange(line.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(p => !MailboxAddress.TryParse(p, out var m) || !IsPlausible(m.Address))
                    .DefaultIfEmpty(line).Select(p => p.Length > 60 ? p[..60] + "…" : p));
        }
        return new Result(valid, invalid);
    }

    // MimeKit accepts local names such as "root"; an announcement needs an address with a domain.
    private static bool IsPlausible(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1 && address.IndexOf('.', at) > at + 1 && !address.EndsWith('.') && address.Length <= 254;
    }
}
