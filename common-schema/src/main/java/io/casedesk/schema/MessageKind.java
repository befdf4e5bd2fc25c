package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a customer sent, normalized across channels. */
public enum MessageKind {
    @JsonProperty("text") TEXT,
    @JsonProperty("sticker") STICKER,
    @JsonProperty("image") IMAGE,
    @JsonProperty("video") VIDEO,
    @JsonProperty("audio") AUDIO,
    @JsonProperty("file") FILE,
    @JsonProperty("location") LOCATION,
    @JsonProperty("postback") POSTBACK,
    /** The customer added the bot (LINE follow). */
    @JsonProperty("follow") FOLLOW,
    @JsonProperty("unfollow") UNFOLLOW,
    /** The customer took back an earlier message (LINE unsend). */
    @JsonProperty("unsend") UNSEND,
    @JsonProperty("join") JOIN,
    @JsonProperty("leave") LEAVE,
    @JsonProperty("member_joined") MEMBER_JOINED,
    @JsonProperty("member_left") MEMBER_LEFT,
    @JsonEnumDefaultValue @JsonProperty("other") OTHER
}
