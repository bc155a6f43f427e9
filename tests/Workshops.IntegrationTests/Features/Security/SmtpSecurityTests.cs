using Microsoft.EntityFrameworkCore;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Security;

/// <summary>
/// With a mail host set and no Email:Security, the site requires STARTTLS: a server that does not offer it (or a
/// man in the middle who strips it) gets nothing in the clear, neither reset links nor private links.
/// </summary>
public sealed class SmtpSecurityTests(SmtpSecurityTests.Factory app) : IClassFixture<SmtpSecurityTests.Factory>
{
    public sealed class Factory : SmtpAppFactory
    {
        // The test server speaks plain SMTP only; the site is left at its default, as a real site would be.
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            base.Settings().Where(s => s.Key != "Email:Security").Append(new("Email:Security", new EmailOptions().Security.ToString()));
    }

    [Fact]
    public void The_default_is_STARTTLS_required()
    {
        Assert.Equal(SmtpSecurity.StartTls, new EmailOptions().Security);
    }

    [Fact]
    public async Task Nothing_is_sent_in_the_clear_to_a_server_without_TLS()
    {
        var member = await app.CreateUserAsync();
        await app.Browser().PostFormAsync("/account/forgot-password", new() { ["Email"] = member.Email! });

        OutboxMessage? message = null;
        for (var i = 0; i < 100; i++)
        {
            message = await app.WithDb(db => db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.To == member.Email && m.Attempts > 0));
            if (message is not null) break;
            await Task.Delay(200);
        }
        Assert.NotNull(message);
        Assert.NotEqual(OutboxStatus.Sent, message.Status);
        Assert.Contains("STARTTLS", message.LastError ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, app.Mail.CountTo(member.Email!));
    }
}
