using MimeKit;

namespace Workshops.Core.Domain.Announcements;

/// <summary>Addresses pasted from a spreadsheet or an email client: one per line or separated by commas or semicolons, "Name &lt;address&gt;" allowed.</summary>
public static class PastedAddresses
{
    public sealed record Result(IReadOnlyList<(string Address, string? Name)> Valid, IReadOnlyList<string> Invalid);

    public static Result Parse(string? text)
    {
        var valid = new List<(string, string?)>();
        var invalid = new List<string>();
        foreach (var raw in (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (MailboxAddress.TryParse(raw, out var mailbox) && IsPlausible(mailbox.Address))
                valid.Add((mailbox.Address, string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name.Trim()));
            else
                invalid.Add(raw.Length > 60 ? raw[..60] + "…" : raw);
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
