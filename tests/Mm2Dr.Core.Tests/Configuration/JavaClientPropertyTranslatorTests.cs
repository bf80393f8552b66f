using System.Collections.Generic;
using Mm2Dr.Core.Configuration;
using Xunit;

namespace Mm2Dr.Core.Tests.Configuration
{
    public class JavaClientPropertyTranslatorTests
    {
        [Fact]
        public void Jaas_plain_credentials_become_sasl_username_and_password()
        {
            var warnings = new List<string>();
            var result = JavaClientPropertyTranslator.Translate(new Dictionary<string, string>
            {
                ["security.protocol"] = "SASL_SSL",
                ["sasl.mechanism"] = "PLAIN",
                ["sasl.jaas.config"] = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"ops\" password=\"s3cr\\\"et\";",
            }, warnings);
            Assert.Equal("SASL_SSL", result["security.protocol"]);
            Assert.Equal("PLAIN", result["sasl.mechanism"]);
            Assert.Equal("ops", result["sasl.username"]);
            Assert.Equal("s3cr\"et", result["sasl.password"]);
            Assert.Empty(warnings);
        }

        [Fact]
        public void Jks_stores_are_reported_without_their_values()
        {
            var warnings = new List<string>();
            var result = JavaClientPropertyTranslator.Translate(new Dictionary<string, string>
            {
                ["ssl.truststore.location"] = "/etc/ts.jks",
                ["ssl.truststore.password"] = "hunter2",
            }, warnings);
            Assert.Empty(result);
            Assert.Equal(2, warnings.Count);
            Assert.DoesNotContain(warnings, w => w.Contains("hunter2"));
        }

        [Fact]
        public void Pem_truststores_map_to_ssl_ca_location()
        {
            var result = JavaClientPropertyTranslator.Translate(new Dictionary<string, string>
            {
                ["ssl.truststore.type"] = "PEM",
                ["ssl.truststore.location"] = "/etc/ca.pem",
                ["ssl.endpoint.identification.algorithm"] = "",
            }, new List<string>());
            Assert.Equal("/etc/ca.pem", result["ssl.ca.location"]);
            Assert.Equal("none", result["ssl.endpoint.identification.algorithm"]);
        }
    }
}
