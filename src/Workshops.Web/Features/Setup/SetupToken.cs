using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Accounts;

namespace Workshops.Web.Features.Setup;

/// <summary>
/// While no admin exists, a one-time token printed to the terminal opens the setup page; whoever can read the
/// terminal owns the machine, so this proves the right to become the first admin without a second command.
/// </summary>
public sealed class SetupToken(IServiceProvider services)
{
    private readonly Lock _gate = new();
    private string? _token;

    public string? Value
    {
        get { lock (_gate) return _token; }
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var hasAdmin = (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0;
        lock (_gate)
        {
            if (hasAdmin) _token = null;
            else _token ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        }
    }

    public bool Matches(string? candidate)
    {
        var token = Value;
        if (token is null || candidate is null) return false;
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(candidate));
    }

    public void Spend()
    {
        lock (_gate) _token = null;
    }
}
