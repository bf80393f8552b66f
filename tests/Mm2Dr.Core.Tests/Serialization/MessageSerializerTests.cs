using System;
using System.Collections.Generic;
using System.Text;
using Mm2Dr.Core.Serialization;
using Xunit;

namespace Mm2Dr.Core.Tests.Serialization
{
    public class MessageSerializerTests
    {
        [Fact]
        public void Strings_and_scalars_go_as_text()
        {
            Assert.Equal("hello", Encoding.UTF8.GetString(MessageSerializer.ToBytes("hello")!));
            Assert.Equal("42", Encoding.UTF8.GetString(MessageSerializer.ToBytes(42)!));
            Assert.Equal("1.5", Encoding.UTF8.GetString(MessageSerializer.ToBytes(1.5)!));
            Assert.Equal("true", Encoding.UTF8.GetString(MessageSerializer.ToBytes(true)!));
            Assert.Null(MessageSerializer.ToBytes(null));
            var raw = new byte[] { 0, 1, 255 };
            Assert.Same(raw, MessageSerializer.ToBytes(raw));
        }

        [Fact]
        public void Objects_go_as_json_in_property_order()
        {
            var value = new List<KeyValuePair<string, object?>>
            {
                new KeyValuePair<string, object?>("id", 7),
                new KeyValuePair<string, object?>("name", "ö\"x"),
                new KeyValuePair<string, object?>("tags", new object?[] { "a", null, 2.5 }),
                new KeyValuePair<string, object?>("nested", new Dictionary<string, object?> { ["ok"] = true }),
            };
            Assert.Equal("{\"id\":7,\"name\":\"\\u00F6\\u0022x\",\"tags\":[\"a\",null,2.5],\"nested\":{\"ok\":true}}", MessageSerializer.ToJsonString(value));
        }

        [Fact]
        public void Plain_clr_objects_serialize_their_properties()
        {
            var json = MessageSerializer.ToJsonString(new Sample { Id = 3, When = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) });
            Assert.Equal("{\"Id\":3,\"When\":\"2026-01-02T03:04:05Z\"}", json);
        }

        [Fact]
        public void Json_values_parse_back_into_plain_values()
        {
            var parsed = JsonValueReader.Parse(Encoding.UTF8.GetBytes("{\"id\":7,\"big\":12345678901,\"f\":1.5,\"list\":[1,\"x\"],\"n\":null}"));
            var map = Assert.IsType<List<KeyValuePair<string, object?>>>(parsed);
            Assert.Equal(7, map[0].Value);
            Assert.Equal(12345678901L, map[1].Value);
            Assert.Equal(1.5m, map[2].Value);
            Assert.Equal(new object?[] { 1, "x" }, (object?[])map[3].Value!);
            Assert.Null(map[4].Value);
        }

        [Fact]
        public void Text_that_is_not_json_is_an_error()
        {
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonValueReader.Parse(Encoding.UTF8.GetBytes("not json")));
        }

        private sealed class Sample
        {
            public int Id { get; set; }

            public DateTime When { get; set; }
        }
    }
}
