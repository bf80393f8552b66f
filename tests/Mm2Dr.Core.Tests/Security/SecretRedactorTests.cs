using System.Collections.Generic;
using Mm2Dr.Core.Security;
using Xunit;

namespace Mm2Dr.Core.Tests.Security
{
    public class SecretRedactorTests
    {
        [Theory]
        [InlineData("sasl.password", true)]
        [InlineData("ssl.key.password", true)]
        [InlineData("ssl.key.pem", true)]
        [InlineData("sasl.oauthbearer.client.secret", true)]
        [InlineData("sasl.jaas.config", true)]
        [InlineData("ssl.keystore.key", true)]
        [InlineData("sasl.username", false)]
        [InlineData("security.protocol", false)]
        [InlineData("bootstrap.servers", false)]
        public void Knows_which_keys_hold_secrets(string key, bool secret) => Assert.Equal(secret, SecretRedactor.IsSecretKey(key));

        [Fact]
        public void Masks_values_and_scrubs_messages()
        {
            var props = new Dictionary<string, string> { ["sasl.username"] = "ops", ["sasl.password"] = "pa55" };
            var masked = SecretRedactor.MaskProperties(props);
            Assert.Equal("ops", masked["sasl.username"]);
            Assert.Equal(SecretRedactor.Mask, masked["sasl.password"]);
            Assert.Equal("bad ******** for ops", SecretRedactor.Redact("bad pa55 for ops", SecretRedactor.SecretValues(props)));
        }
    }
}
