using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Security;

namespace Workshops.UnitTests.Security;

public sealed class SigningKeysTests
{
    private sealed class ListRepository : IXmlRepository
    {
        public readonly List<XElement> Elements = [];
        public IReadOnlyCollection<XElement> GetAllElements() => Elements.ToList();
        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }

    private static (IKeyManager Keys, ListRepository Store, IDataProtectionProvider Protection) Ring()
    {
        var store = new ListRepository();
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().AddKeyManagementOptions(o => o.XmlRepository = store);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IKeyManager>(), store, provider.GetRequiredService<IDataProtectionProvider>());
    }

    [Fact]
    public void An_empty_ring_gets_a_key_for_now_and_signing_then_writes_nothing()
    {
        var (keys, store, protection) = Ring();

        Assert.Equal(1, new SigningKeys(keys).EnsureAhead());
        var written = store.Elements.Count;
        protection.CreateProtector("test").Protect("hello");

        // Signing found its key: the store was not written to from inside the call that signed.
        Assert.Equal(written, store.Elements.Count);
        Assert.Equal(0, new SigningKeys(keys).EnsureAhead());
    }

    [Fact]
    public void A_key_close_to_expiry_gets_its_successor_starting_when_it_ends()
    {
        var (keys, _, _) = Ring();
        var now = DateTimeOffset.UtcNow;
        var old = keys.CreateNewKey(now.AddDays(-85), now.AddDays(5));

        Assert.Equal(1, new SigningKeys(keys).EnsureAhead());

        var next = Assert.Single(keys.GetAllKeys(), k => k.KeyId != old.KeyId);
        Assert.Equal(old.ExpirationDate, next.ActivationDate);
        Assert.Equal(old.ExpirationDate + SigningKeys.Lifetime, next.ExpirationDate);
    }

    [Fact]
    public void A_key_with_weeks_left_is_left_alone()
    {
        var (keys, _, _) = Ring();
        var now = DateTimeOffset.UtcNow;
        keys.CreateNewKey(now.AddDays(-30), now.AddDays(60));

        Assert.Equal(0, new SigningKeys(keys).EnsureAhead());
        Assert.Single(keys.GetAllKeys());
    }
}
