package io.casedesk.odoostandin;

/** The Odoo field types the stand-in knows; relational ones name their comodel in {@link ModelSchema.Field}. */
enum FieldType {
    CHAR, TEXT, HTML, INTEGER, FLOAT, MONETARY, BOOLEAN, DATE, DATETIME, SELECTION, MANY2ONE, MANY2MANY, ONE2MANY;

    boolean relational() {
        return this == MANY2ONE || this == MANY2MANY || this == ONE2MANY;
    }

    boolean toMany() {
        return this == MANY2MANY || this == ONE2MANY;
    }
}
