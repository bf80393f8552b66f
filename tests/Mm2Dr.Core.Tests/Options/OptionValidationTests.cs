using System;
using Mm2Dr.Core.Consume;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Produce;
using Mm2Dr.Core.Topics;
using Xunit;

namespace Mm2Dr.Core.Tests.Options
{
    public class OptionValidationTests
    {
        [Theory]
        [InlineData("")]
        [InlineData(".")]
        [InlineData("..")]
        [InlineData("has space")]
        [InlineData("slash/name")]
        [InlineData("ümlaut")]
        public void Invalid_topic_names_are_rejected_naming_the_name(string name)
        {
            var ex = Assert.Throws<ArgumentException>(() => TopicNames.Validate(name));
            Assert.Contains("topic name", ex.Message);
        }

        [Fact]
        public void Topic_names_longer_than_249_are_rejected()
        {
            var ex = Assert.Throws<ArgumentException>(() => TopicNames.Validate(new string('a', 250)));
            Assert.Contains("249", ex.Message);
        }

        [Theory]
        [InlineData(0, (short)1)]
        [InlineData(-2, (short)1)]
        [InlineData(3, (short)0)]
        [InlineData(3, (short)-5)]
        public void Topic_specs_need_positive_counts_or_minus_one(int partitions, short rf)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TopicSpec("t", partitions, rf));
            Assert.Contains("'t'", ex.Message);
        }

        [Fact]
        public void Topic_spec_defaults_are_the_brokers()
        {
            var spec = new TopicSpec("t");
            Assert.Equal(-1, spec.Partitions);
            Assert.Equal(-1, spec.ReplicationFactor);
        }

        [Fact]
        public void Producer_options_reject_unknown_compression_and_acks()
        {
            Assert.Contains("brotli", Assert.Throws<ArgumentException>(() => new ProducerOptions("t") { Compression = "brotli" }.Validate()).Message);
            Assert.Contains("'2'", Assert.Throws<ArgumentException>(() => new ProducerOptions("t") { Acks = "2", Idempotence = false }.Validate()).Message);
            Assert.Contains("Idempotence", Assert.Throws<ArgumentException>(() => new ProducerOptions("t") { Acks = "1", Idempotence = true }.Validate()).Message);
            new ProducerOptions("t") { Acks = "1", Idempotence = false, Compression = "zstd" }.Validate();
        }

        [Fact]
        public void Generator_options_need_a_count_or_a_duration()
        {
            Assert.Contains("-Count or -Duration", Assert.Throws<ArgumentException>(() => new GeneratorOptions().Validate()).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorOptions { Count = 1, Rate = -5 }.Validate());
            Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorOptions { Count = 1, MessageSize = -1 }.Validate());
            Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorOptions { Duration = TimeSpan.Zero }.Validate());
            new GeneratorOptions { Duration = TimeSpan.FromSeconds(1), Rate = 10 }.Validate();
        }

        [Fact]
        public void Generated_values_carry_their_sequence_number_and_size()
        {
            var value = MessageGenerator.DefaultValue(1234, 1024, "run1");
            Assert.Equal(1024, value.Length);
            var text = System.Text.Encoding.ASCII.GetString(value);
            Assert.StartsWith("{\"id\":1234,\"run\":\"run1\"", text);
            Assert.EndsWith("\"}", text);
            Assert.NotNull(System.Text.Json.JsonDocument.Parse(value));
        }

        [Fact]
        public void Read_options_are_validated()
        {
            Assert.Throws<ArgumentException>(() => new TopicReadOptions(Array.Empty<string>()));
            Assert.Throws<ArgumentException>(() => new TopicReadOptions(new[] { "bad name" }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new TopicReadOptions(new[] { "t" }) { MaxMessages = -1 }.Validate());
            Assert.Throws<ArgumentOutOfRangeException>(() => new TopicReadOptions(new[] { "t" }) { IdleTimeout = TimeSpan.Zero }.Validate());
            Assert.Throws<ArgumentOutOfRangeException>(() => new TopicReadOptions(new[] { "t" }) { Partitions = new[] { -1 } }.Validate());
            Assert.Contains("-Group", Assert.Throws<ArgumentException>(() => new TopicReadOptions(new[] { "t" }) { From = ReadStart.Committed }.Validate()).Message);
        }

        [Fact]
        public void Offset_reset_requests_are_validated()
        {
            Assert.Throws<ArgumentException>(() => new OffsetResetRequest("", new[] { "t" }, OffsetResetMode.ToEarliest));
            Assert.Contains("-Topic", Assert.Throws<ArgumentException>(() => new OffsetResetRequest("g", Array.Empty<string>(), OffsetResetMode.ToEarliest)).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => new OffsetResetRequest("g", new[] { "t" }, OffsetResetMode.ToOffset, -3));
            Assert.Throws<ArgumentException>(() => new OffsetResetRequest("g", new[] { "t" }, OffsetResetMode.ToTimestamp));
            Assert.Throws<ArgumentOutOfRangeException>(() => new OffsetResetRequest("g", new[] { "t" }, OffsetResetMode.ToEarliest, partitions: new[] { -1 }));
            Assert.Equal(-5, new OffsetResetRequest("g", new[] { "t" }, OffsetResetMode.ShiftBy, -5).Value);
        }
    }
}
