PRAGMA user_version = 128;
BEGIN TRANSACTION;
CREATE TABLE action_has_params (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            FOREIGN KEY(action_id) REFERENCES actions(id) ON DELETE CASCADE
        );
INSERT INTO "action_has_params" VALUES(1,1,'column_id','13');
INSERT INTO "action_has_params" VALUES(2,2,'color_id','red');
INSERT INTO "action_has_params" VALUES(3,2,'user_id','3');
INSERT INTO "action_has_params" VALUES(4,3,'column_id','6');
CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL,
            event_name TEXT NOT NULL,
            action_name TEXT NOT NULL,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE
        );
INSERT INTO "actions" VALUES(1,1,'task.move.column','\Kanboard\Action\TaskCloseColumn');
INSERT INTO "actions" VALUES(2,1,'task.create','\Kanboard\Action\TaskAssignColorUser');
INSERT INTO "actions" VALUES(3,2,'task.move.column','\Kanboard\Action\TaskAssignCurrentUserColumn');
CREATE TABLE column_has_move_restrictions (
            restriction_id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL,
            role_id INTEGER NOT NULL,
            src_column_id INTEGER NOT NULL,
            dst_column_id INTEGER NOT NULL, only_assigned INTEGER DEFAULT 0,
            UNIQUE(role_id, src_column_id, dst_column_id),
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            FOREIGN KEY(role_id) REFERENCES project_has_roles(role_id) ON DELETE CASCADE,
            FOREIGN KEY(src_column_id) REFERENCES columns(id) ON DELETE CASCADE,
            FOREIGN KEY(dst_column_id) REFERENCES columns(id) ON DELETE CASCADE
        );
CREATE TABLE column_has_restrictions (
            restriction_id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL,
            role_id INTEGER NOT NULL,
            column_id INTEGER NOT NULL,
            rule VARCHAR(255) NOT NULL,
            UNIQUE(role_id, column_id, rule),
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            FOREIGN KEY(role_id) REFERENCES project_has_roles(role_id) ON DELETE CASCADE,
            FOREIGN KEY(column_id) REFERENCES columns(id) ON DELETE CASCADE
        );
INSERT INTO "column_has_restrictions" VALUES(1,1,1,13,'block_task_creation');
CREATE TABLE columns (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            position INTEGER,
            project_id INTEGER NOT NULL, task_limit INTEGER DEFAULT '0', description TEXT, hide_in_dashboard INTEGER DEFAULT 0 NOT NULL,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            UNIQUE (title, project_id)
        );
INSERT INTO "columns" VALUES(1,'Backlog',1,1,0,'',0);
INSERT INTO "columns" VALUES(2,'Ready',2,1,0,'',0);
INSERT INTO "columns" VALUES(3,'Work in progress',3,1,0,'',0);
INSERT INTO "columns" VALUES(4,'Done',4,1,0,'',0);
INSERT INTO "columns" VALUES(5,'Backlog',1,2,0,'',0);
INSERT INTO "columns" VALUES(6,'Ready',2,2,0,'',0);
INSERT INTO "columns" VALUES(7,'Work in progress',3,2,0,'',0);
INSERT INTO "columns" VALUES(8,'Done',4,2,0,'',0);
INSERT INTO "columns" VALUES(9,'Backlog',1,3,0,'',0);
INSERT INTO "columns" VALUES(10,'Ready',2,3,0,'',0);
INSERT INTO "columns" VALUES(11,'Work in progress',3,3,0,'',0);
INSERT INTO "columns" VALUES(12,'Done',4,3,0,'',0);
INSERT INTO "columns" VALUES(13,'QA',5,1,5,'Checks',0);
CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL,
            user_id INTEGER DEFAULT 0,
            date_creation INTEGER NOT NULL,
            comment TEXT NOT NULL,
            reference VARCHAR(50), date_modification INTEGER, visibility VARCHAR(25) NOT NULL DEFAULT 'app-user',
            FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE
        );
INSERT INTO "comments" VALUES(1,1,3,1796282800,'Comment on 1
second line','mail-1',1796282800,'app-manager');
INSERT INTO "comments" VALUES(2,3,3,1796282800,'Comment on 3
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(3,5,3,1796282800,'Comment on 5
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(4,8,3,1796282800,'Comment on 8
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(5,10,3,1796282800,'Comment on 10
second line','',1796282800,'app-manager');
INSERT INTO "comments" VALUES(6,12,3,1796282800,'Comment on 12
second line','mail-12',1796282800,'app-user');
INSERT INTO "comments" VALUES(7,14,3,1796282800,'Comment on 14
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(8,16,3,1796282800,'Comment on 16
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(9,18,3,1796282800,'Comment on 18
second line','',1796282800,'app-manager');
INSERT INTO "comments" VALUES(10,20,3,1796282800,'Comment on 20
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(11,22,3,1796282800,'Comment on 22
second line','mail-22',1796282800,'app-user');
INSERT INTO "comments" VALUES(12,24,3,1796282800,'Comment on 24
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(13,26,3,1796282800,'Comment on 26
second line','',1796282800,'app-manager');
INSERT INTO "comments" VALUES(14,28,3,1796282800,'Comment on 28
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(15,30,3,1796282800,'Comment on 30
second line','',1796282800,'app-user');
INSERT INTO "comments" VALUES(16,32,3,1796282800,'Comment on 32
second line','mail-32',1796282800,'app-user');
INSERT INTO "comments" VALUES(17,34,3,1796282800,'Comment on 34
second line','',1796282800,'app-manager');
INSERT INTO "comments" VALUES(18,1,2,1796282800,'By alice 0','',1796282800,'app-user');
INSERT INTO "comments" VALUES(19,2,2,1796282800,'By alice 1','',1796282800,'app-user');
INSERT INTO "comments" VALUES(20,3,2,1796282801,'By alice 2','',1796282801,'app-user');
INSERT INTO "comments" VALUES(21,4,2,1796282801,'By alice 3','',1796282801,'app-user');
INSERT INTO "comments" VALUES(22,5,2,1796282801,'By alice 4','',1796282801,'app-user');
INSERT INTO "comments" VALUES(23,7,2,1796282801,'By alice 5','',1796282801,'app-user');
INSERT INTO "comments" VALUES(24,8,2,1796282801,'By alice 6','',1796282801,'app-user');
INSERT INTO "comments" VALUES(25,9,2,1796282802,'By alice 7','',1796282802,'app-user');
INSERT INTO "comments" VALUES(26,10,2,1796282802,'By alice 8','',1796282802,'app-user');
INSERT INTO "comments" VALUES(27,11,2,1796282802,'By alice 9','',1796282802,'app-user');
CREATE TABLE currencies ("currency" TEXT NOT NULL UNIQUE, "rate" REAL DEFAULT 0);
CREATE TABLE custom_filters (
            id INTEGER PRIMARY KEY,
            filter TEXT NOT NULL,
            project_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            is_shared INTEGER DEFAULT 0
        , append INTEGER DEFAULT 0);
CREATE TABLE group_has_users (
            group_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            FOREIGN KEY(group_id) REFERENCES groups(id) ON DELETE CASCADE,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE,
            UNIQUE(group_id, user_id)
        );
INSERT INTO "group_has_users" VALUES(1,2);
INSERT INTO "group_has_users" VALUES(1,3);
INSERT INTO "group_has_users" VALUES(2,4);
CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            external_id TEXT DEFAULT '',
            name TEXT NOCASE NOT NULL UNIQUE
        );
INSERT INTO "groups" VALUES(1,'','Developers');
INSERT INTO "groups" VALUES(2,'ldap-reviewers','Reviewers');
CREATE TABLE invites (
            email TEXT NOT NULL,
            project_id INTEGER NOT NULL,
            token TEXT NOT NULL,
            PRIMARY KEY(email, token)
        );
CREATE TABLE last_logins (
            id INTEGER PRIMARY KEY,
            auth_type TEXT,
            user_id INTEGER NOT NULL,
            ip TEXT,
            user_agent TEXT,
            date_creation INTEGER,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE
        );
INSERT INTO "last_logins" VALUES(1,'Database',3,'127.0.0.1','Python-urllib/3.11',1796282792);
INSERT INTO "last_logins" VALUES(22,'Database',3,'127.0.0.1','Python-urllib/3.11',1796282797);
INSERT INTO "last_logins" VALUES(38,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282801);
INSERT INTO "last_logins" VALUES(39,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282801);
INSERT INTO "last_logins" VALUES(40,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282801);
INSERT INTO "last_logins" VALUES(41,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282801);
INSERT INTO "last_logins" VALUES(42,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282801);
INSERT INTO "last_logins" VALUES(43,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282802);
INSERT INTO "last_logins" VALUES(44,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282802);
INSERT INTO "last_logins" VALUES(45,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282802);
INSERT INTO "last_logins" VALUES(46,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282803);
INSERT INTO "last_logins" VALUES(47,'Database',2,'127.0.0.1','Python-urllib/3.11',1796282805);
INSERT INTO "last_logins" VALUES(48,'Database',3,'127.0.0.1','Python-urllib/3.11',1796282805);
INSERT INTO "last_logins" VALUES(49,'Database',6,'127.0.0.1','Python-urllib/3.11',1796282805);
INSERT INTO "last_logins" VALUES(50,'API Access Token',3,'127.0.0.1','Python-urllib/3.11',1796282805);
CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        opposite_id INTEGER DEFAULT 0,
        UNIQUE(label)
    );
INSERT INTO "links" VALUES(1,'relates to',0);
INSERT INTO "links" VALUES(2,'blocks',3);
INSERT INTO "links" VALUES(3,'is blocked by',2);
INSERT INTO "links" VALUES(4,'duplicates',5);
INSERT INTO "links" VALUES(5,'is duplicated by',4);
INSERT INTO "links" VALUES(6,'is a child of',7);
INSERT INTO "links" VALUES(7,'is a parent of',6);
INSERT INTO "links" VALUES(8,'targets milestone',9);
INSERT INTO "links" VALUES(9,'is a milestone of',8);
INSERT INTO "links" VALUES(10,'fixes',11);
INSERT INTO "links" VALUES(11,'is fixed by',10);
INSERT INTO "links" VALUES(12,'depends on',13);
INSERT INTO "links" VALUES(13,'is a dependency of',12);
INSERT INTO "links" VALUES(14,'mirrors',0);
CREATE TABLE password_reset (
            token TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL,
            date_expiration INTEGER NOT NULL,
            date_creation INTEGER NOT NULL,
            ip TEXT NOT NULL,
            user_agent TEXT NOT NULL,
            is_active INTEGER NOT NULL,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE
        );
CREATE TABLE plugin_schema_versions (
            plugin TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL DEFAULT 0
        );
CREATE TABLE predefined_task_descriptions (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE
    );
CREATE TABLE project_activities (
          id INTEGER PRIMARY KEY,
          date_creation INTEGER NOT NULL,
          event_name TEXT NOT NULL,
          creator_id INTEGER NOT NULL,
          project_id INTEGER NOT NULL,
          task_id INTEGER NOT NULL,
          data TEXT,
          FOREIGN KEY(creator_id) REFERENCES users(id) ON DELETE CASCADE,
          FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
          FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE
      );
INSERT INTO "project_activities" VALUES(1,1796282793,'task.create',2,1,25,'{"task_id":25,"task":{"id":25,"title":"Alice''s task 0","description":"","date_creation":1796282793,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(2,1796282793,'task.move.column',2,1,25,'{"task_id":25,"task":{"id":25,"title":"Alice''s task 0","description":"","date_creation":1796282793,"color_id":"yellow","project_id":1,"column_id":2,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Ready","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":2},"changes":{"src_column_id":1,"dst_column_id":2},"project_id":1,"position":1,"column_id":2,"swimlane_id":1,"src_column_id":1,"dst_column_id":2,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(3,1796282793,'task.create',2,1,26,'{"task_id":26,"task":{"id":26,"title":"Alice''s task 1","description":"","date_creation":1796282793,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(4,1796282793,'task.move.column',2,1,26,'{"task_id":26,"task":{"id":26,"title":"Alice''s task 1","description":"","date_creation":1796282793,"color_id":"yellow","project_id":1,"column_id":3,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Work in progress","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":3},"changes":{"src_column_id":1,"dst_column_id":3},"project_id":1,"position":1,"column_id":3,"swimlane_id":1,"src_column_id":1,"dst_column_id":3,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(5,1796282794,'task.create',2,1,27,'{"task_id":27,"task":{"id":27,"title":"Alice''s task 2","description":"","date_creation":1796282794,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282794,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282794,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(6,1796282794,'task.move.column',2,1,27,'{"task_id":27,"task":{"id":27,"title":"Alice''s task 2","description":"","date_creation":1796282794,"color_id":"yellow","project_id":1,"column_id":4,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282794,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282794,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Done","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":4},"changes":{"src_column_id":1,"dst_column_id":4},"project_id":1,"position":1,"column_id":4,"swimlane_id":1,"src_column_id":1,"dst_column_id":4,"date_moved":1796282794,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(7,1796282794,'task.create',2,1,28,'{"task_id":28,"task":{"id":28,"title":"Alice''s task 3","description":"","date_creation":1796282794,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282794,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282794,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(8,1796282794,'task.move.column',2,1,28,'{"task_id":28,"task":{"id":28,"title":"Alice''s task 3","description":"","date_creation":1796282794,"color_id":"yellow","project_id":1,"column_id":2,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282794,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282794,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Ready","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":2},"changes":{"src_column_id":1,"dst_column_id":2},"project_id":1,"position":1,"column_id":2,"swimlane_id":1,"src_column_id":1,"dst_column_id":2,"date_moved":1796282794,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(9,1796282794,'task.create',2,1,29,'{"task_id":29,"task":{"id":29,"title":"Alice''s task 4","description":"","date_creation":1796282794,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282794,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282794,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(10,1796282795,'task.move.column',2,1,29,'{"task_id":29,"task":{"id":29,"title":"Alice''s task 4","description":"","date_creation":1796282794,"color_id":"yellow","project_id":1,"column_id":3,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282795,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282795,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Work in progress","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":3},"changes":{"src_column_id":1,"dst_column_id":3,"date_moved":1796282794},"project_id":1,"position":1,"column_id":3,"swimlane_id":1,"src_column_id":1,"dst_column_id":3,"date_moved":1796282794,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(11,1796282795,'task.create',2,1,30,'{"task_id":30,"task":{"id":30,"title":"Alice''s task 5","description":"","date_creation":1796282795,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282795,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282795,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(12,1796282795,'task.move.column',2,1,30,'{"task_id":30,"task":{"id":30,"title":"Alice''s task 5","description":"","date_creation":1796282795,"color_id":"yellow","project_id":1,"column_id":4,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282795,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282795,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Done","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":4},"changes":{"src_column_id":1,"dst_column_id":4},"project_id":1,"position":1,"column_id":4,"swimlane_id":1,"src_column_id":1,"dst_column_id":4,"date_moved":1796282795,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(13,1796282795,'task.create',2,1,31,'{"task_id":31,"task":{"id":31,"title":"Alice''s task 6","description":"","date_creation":1796282795,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282795,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282795,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(14,1796282796,'task.move.column',2,1,31,'{"task_id":31,"task":{"id":31,"title":"Alice''s task 6","description":"","date_creation":1796282795,"color_id":"yellow","project_id":1,"column_id":2,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282796,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282796,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Ready","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":2},"changes":{"src_column_id":1,"dst_column_id":2,"date_moved":1796282795},"project_id":1,"position":1,"column_id":2,"swimlane_id":1,"src_column_id":1,"dst_column_id":2,"date_moved":1796282795,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(15,1796282796,'task.create',2,1,32,'{"task_id":32,"task":{"id":32,"title":"Alice''s task 7","description":"","date_creation":1796282796,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282796,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282796,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(16,1796282796,'task.move.column',2,1,32,'{"task_id":32,"task":{"id":32,"title":"Alice''s task 7","description":"","date_creation":1796282796,"color_id":"yellow","project_id":1,"column_id":3,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282796,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282796,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Work in progress","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":3},"changes":{"src_column_id":1,"dst_column_id":3},"project_id":1,"position":1,"column_id":3,"swimlane_id":1,"src_column_id":1,"dst_column_id":3,"date_moved":1796282796,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(17,1796282796,'task.create',2,1,33,'{"task_id":33,"task":{"id":33,"title":"Alice''s task 8","description":"","date_creation":1796282796,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282796,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282796,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(18,1796282796,'task.move.column',2,1,33,'{"task_id":33,"task":{"id":33,"title":"Alice''s task 8","description":"","date_creation":1796282796,"color_id":"yellow","project_id":1,"column_id":4,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282796,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282796,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Done","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":4},"changes":{"src_column_id":1,"dst_column_id":4},"project_id":1,"position":1,"column_id":4,"swimlane_id":1,"src_column_id":1,"dst_column_id":4,"date_moved":1796282796,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(19,1796282797,'task.create',2,1,34,'{"task_id":34,"task":{"id":34,"title":"Alice''s task 9","description":"","date_creation":1796282797,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":0,"position":3,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282797,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282797,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(20,1796282797,'task.move.column',2,1,34,'{"task_id":34,"task":{"id":34,"title":"Alice''s task 9","description":"","date_creation":1796282797,"color_id":"yellow","project_id":1,"column_id":2,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":2,"date_modification":1796282797,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282797,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Ready","assignee_username":null,"assignee_name":null,"creator_username":"alice","creator_name":"Alice Martin","category_description":null,"column_position":2},"changes":{"src_column_id":1,"dst_column_id":2},"project_id":1,"position":1,"column_id":2,"swimlane_id":1,"src_column_id":1,"dst_column_id":2,"date_moved":1796282797,"recurrence_status":0,"recurrence_trigger":0}');
INSERT INTO "project_activities" VALUES(21,1796282797,'task.create',3,3,35,'{"task_id":35,"task":{"id":35,"title":"Private note","description":"","date_creation":1796282797,"color_id":"yellow","project_id":3,"column_id":9,"owner_id":0,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":0,"category_id":0,"creator_id":3,"date_modification":1796282797,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":3,"date_moved":1796282797,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Bob''s notes","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":"bob","creator_name":"Bob Stone","category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(22,1796282800,'comment.create',2,1,1,'{"comment":{"id":18,"task_id":1,"user_id":2,"date_creation":1796282800,"date_modification":1796282800,"comment":"By alice 0","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":1,"title":"Task 0 of 1","description":"Line one of 0\n\n* item\n* other","date_creation":1796282792,"color_id":"yellow","project_id":1,"column_id":1,"owner_id":2,"position":1,"is_active":1,"date_completed":null,"score":0,"date_due":1736505000,"category_id":0,"creator_id":0,"date_modification":1796282792,"reference":"REF-1-0","date_started":1709283600,"time_spent":null,"time_estimated":0,"swimlane_id":1,"date_moved":1796282792,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":"alice","assignee_name":"Alice Martin","creator_username":null,"creator_name":null,"category_description":null,"column_position":1}}');
INSERT INTO "project_activities" VALUES(23,1796282800,'comment.create',2,1,2,'{"comment":{"id":19,"task_id":2,"user_id":2,"date_creation":1796282800,"date_modification":1796282800,"comment":"By alice 1","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":2,"title":"Task 1 of 1","description":"","date_creation":1796282793,"color_id":"blue","project_id":1,"column_id":2,"owner_id":3,"position":1,"is_active":1,"date_completed":null,"score":1,"date_due":0,"category_id":2,"creator_id":0,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":0,"time_estimated":0,"swimlane_id":4,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":1,"external_provider":null,"external_uri":null,"category_name":"Feature","swimlane_name":"Urgent","project_name":"Alpha","column_title":"Ready","assignee_username":"bob","assignee_name":"Bob Stone","creator_username":null,"creator_name":null,"category_description":null,"column_position":2}}');
INSERT INTO "project_activities" VALUES(24,1796282801,'comment.create',2,1,3,'{"comment":{"id":20,"task_id":3,"user_id":2,"date_creation":1796282801,"date_modification":1796282801,"comment":"By alice 2","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":3,"title":"Task 2 of 1","description":"","date_creation":1796282793,"color_id":"green","project_id":1,"column_id":3,"owner_id":0,"position":4,"is_active":1,"date_completed":null,"score":2,"date_due":0,"category_id":0,"creator_id":0,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":0,"time_estimated":1.5,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":2,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Work in progress","assignee_username":null,"assignee_name":null,"creator_username":null,"creator_name":null,"category_description":null,"column_position":3}}');
INSERT INTO "project_activities" VALUES(25,1796282801,'comment.create',2,1,4,'{"comment":{"id":21,"task_id":4,"user_id":2,"date_creation":1796282801,"date_modification":1796282801,"comment":"By alice 3","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":4,"title":"Task 3 of 1","description":"Line one of 3\n\n* item\n* other","date_creation":1796282793,"color_id":"purple","project_id":1,"column_id":4,"owner_id":3,"position":1,"is_active":0,"date_completed":1796282797,"score":3,"date_due":1744540200,"category_id":2,"creator_id":0,"date_modification":1796282797,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":4,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":3,"external_provider":null,"external_uri":null,"category_name":"Feature","swimlane_name":"Urgent","project_name":"Alpha","column_title":"Done","assignee_username":"bob","assignee_name":"Bob Stone","creator_username":null,"creator_name":null,"category_description":null,"column_position":4}}');
INSERT INTO "project_activities" VALUES(26,1796282801,'comment.create',2,1,5,'{"comment":{"id":22,"task_id":5,"user_id":2,"date_creation":1796282801,"date_modification":1796282801,"comment":"By alice 4","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":5,"title":"Task 4 of 1","description":"","date_creation":1796282793,"color_id":"red","project_id":1,"column_id":13,"owner_id":2,"position":1,"is_active":1,"date_completed":null,"score":4,"date_due":0,"category_id":0,"creator_id":0,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":0,"time_estimated":0,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"QA","assignee_username":"alice","assignee_name":"Alice Martin","creator_username":null,"creator_name":null,"category_description":null,"column_position":5}}');
INSERT INTO "project_activities" VALUES(27,1796282801,'comment.create',2,1,7,'{"comment":{"id":23,"task_id":7,"user_id":2,"date_creation":1796282801,"date_modification":1796282801,"comment":"By alice 5","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":7,"title":"Task 6 of 1","description":"Line one of 6\n\n* item\n* other","date_creation":1796282793,"color_id":"grey","project_id":1,"column_id":2,"owner_id":0,"position":5,"is_active":1,"date_completed":null,"score":6,"date_due":1752661800,"category_id":0,"creator_id":0,"date_modification":1796282793,"reference":"","date_started":1709283600,"time_spent":0,"time_estimated":1.5,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":2,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Ready","assignee_username":null,"assignee_name":null,"creator_username":null,"creator_name":null,"category_description":null,"column_position":2}}');
INSERT INTO "project_activities" VALUES(28,1796282801,'comment.create',2,1,8,'{"comment":{"id":24,"task_id":8,"user_id":2,"date_creation":1796282801,"date_modification":1796282801,"comment":"By alice 6","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":8,"title":"Renamed task","description":"","date_creation":1796282793,"color_id":"red","project_id":1,"column_id":3,"owner_id":3,"position":1,"is_active":1,"date_completed":null,"score":40,"date_due":0,"category_id":2,"creator_id":0,"date_modification":1796282797,"reference":"","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":4,"date_moved":1796282793,"recurrence_status":1,"recurrence_trigger":0,"recurrence_factor":2,"recurrence_timeframe":1,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":3,"external_provider":null,"external_uri":null,"category_name":"Feature","swimlane_name":"Urgent","project_name":"Alpha","column_title":"Work in progress","assignee_username":"bob","assignee_name":"Bob Stone","creator_username":null,"creator_name":null,"category_description":null,"column_position":3}}');
INSERT INTO "project_activities" VALUES(29,1796282802,'comment.create',2,1,9,'{"comment":{"id":25,"task_id":9,"user_id":2,"date_creation":1796282802,"date_modification":1796282802,"comment":"By alice 7","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":9,"title":"Task 8 of 1","description":"","date_creation":1796282793,"color_id":"yellow","project_id":1,"column_id":4,"owner_id":2,"position":4,"is_active":1,"date_completed":null,"score":8,"date_due":0,"category_id":0,"creator_id":0,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":0,"time_estimated":0,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":0,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Done","assignee_username":"alice","assignee_name":"Alice Martin","creator_username":null,"creator_name":null,"category_description":null,"column_position":4}}');
INSERT INTO "project_activities" VALUES(30,1796282802,'comment.create',2,1,10,'{"comment":{"id":26,"task_id":10,"user_id":2,"date_creation":1796282802,"date_modification":1796282802,"comment":"By alice 8","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":10,"title":"Task 9 of 1","description":"Line one of 9\n\n* item\n* other","date_creation":1796282793,"color_id":"blue","project_id":1,"column_id":13,"owner_id":3,"position":1,"is_active":1,"date_completed":null,"score":9,"date_due":1737282600,"category_id":2,"creator_id":0,"date_modification":1796282793,"reference":"","date_started":0,"time_spent":0,"time_estimated":1.5,"swimlane_id":4,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":1,"external_provider":null,"external_uri":null,"category_name":"Feature","swimlane_name":"Urgent","project_name":"Alpha","column_title":"QA","assignee_username":"bob","assignee_name":"Bob Stone","creator_username":null,"creator_name":null,"category_description":null,"column_position":5}}');
INSERT INTO "project_activities" VALUES(31,1796282802,'comment.create',2,1,11,'{"comment":{"id":27,"task_id":11,"user_id":2,"date_creation":1796282802,"date_modification":1796282802,"comment":"By alice 9","reference":"","visibility":"app-user","username":"alice","name":"Alice Martin","email":"alice@example.com","avatar_path":null},"task":{"id":11,"title":"Task 10 of 1","description":"","date_creation":1796282793,"color_id":"green","project_id":1,"column_id":1,"owner_id":0,"position":2,"is_active":0,"date_completed":1796282797,"score":10,"date_due":0,"category_id":0,"creator_id":0,"date_modification":1796282797,"reference":"REF-1-10","date_started":0,"time_spent":null,"time_estimated":null,"swimlane_id":1,"date_moved":1796282793,"recurrence_status":0,"recurrence_trigger":0,"recurrence_factor":0,"recurrence_timeframe":0,"recurrence_basedate":0,"recurrence_parent":null,"recurrence_child":null,"priority":2,"external_provider":null,"external_uri":null,"category_name":null,"swimlane_name":"Default swimlane","project_name":"Alpha","column_title":"Backlog","assignee_username":null,"assignee_name":null,"creator_username":null,"creator_name":null,"category_description":null,"column_position":1}}');
CREATE TABLE "project_daily_column_stats" (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            project_id INTEGER NOT NULL,
            column_id INTEGER NOT NULL,
            total INTEGER NOT NULL DEFAULT 0, score INTEGER NOT NULL DEFAULT 0,
            FOREIGN KEY(column_id) REFERENCES columns(id) ON DELETE CASCADE,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE
        );
INSERT INTO "project_daily_column_stats" VALUES(15,'2026-12-03',3,9,1,0);
INSERT INTO "project_daily_column_stats" VALUES(21,'2026-12-03',2,5,3,12);
INSERT INTO "project_daily_column_stats" VALUES(22,'2026-12-03',2,6,3,10);
INSERT INTO "project_daily_column_stats" VALUES(23,'2026-12-03',2,7,3,18);
INSERT INTO "project_daily_column_stats" VALUES(24,'2026-12-03',2,8,3,21);
INSERT INTO "project_daily_column_stats" VALUES(25,'2026-12-03',1,1,2,0);
INSERT INTO "project_daily_column_stats" VALUES(26,'2026-12-03',1,2,8,19);
INSERT INTO "project_daily_column_stats" VALUES(27,'2026-12-03',1,3,6,44);
INSERT INTO "project_daily_column_stats" VALUES(28,'2026-12-03',1,4,6,11);
INSERT INTO "project_daily_column_stats" VALUES(29,'2026-12-03',1,13,2,13);
CREATE TABLE project_daily_stats (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            project_id INTEGER NOT NULL,
            avg_lead_time INTEGER NOT NULL DEFAULT 0,
            avg_cycle_time INTEGER NOT NULL DEFAULT 0,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE
        );
INSERT INTO "project_daily_stats" VALUES(4,'2026-12-03',3,0,0);
INSERT INTO "project_daily_stats" VALUES(6,'2026-12-03',2,4,14499866);
INSERT INTO "project_daily_stats" VALUES(7,'2026-12-03',1,3,7249933);
CREATE TABLE project_has_categories (
            id INTEGER PRIMARY KEY,
            name TEXT COLLATE NOCASE NOT NULL,
            project_id INTEGER NOT NULL, description TEXT, color_id TEXT DEFAULT NULL,
            UNIQUE (project_id, name),
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE
        );
INSERT INTO "project_has_categories" VALUES(1,'Bug',1,NULL,'red');
INSERT INTO "project_has_categories" VALUES(2,'Feature',1,NULL,NULL);
INSERT INTO "project_has_categories" VALUES(3,'Chore',2,NULL,'grey');
CREATE TABLE project_has_files (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL,
            name TEXT COLLATE NOCASE NOT NULL,
            path TEXT NOT NULL,
            is_image INTEGER DEFAULT 0,
            size INTEGER DEFAULT 0 NOT NULL,
            user_id INTEGER DEFAULT 0 NOT NULL,
            date INTEGER DEFAULT 0 NOT NULL,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE
        );
INSERT INTO "project_has_files" VALUES(1,1,'plan.txt','projects/1/43c98e842d019be8281566db129417ccf1291f6b',0,9,0,1796282803);
INSERT INTO "project_has_files" VALUES(2,1,'logo.png','projects/1/610e5cbdd461ae528406ae8f8cf92567854a38df',1,70,0,1796282803);
INSERT INTO "project_has_files" VALUES(3,2,'beta.txt','projects/2/b8dee5fdfb630aa1815e8e49b8a2280a11c2a3dd',0,4,0,1796282803);
CREATE TABLE project_has_groups (
            group_id INTEGER NOT NULL,
            project_id INTEGER NOT NULL,
            role TEXT NOT NULL,
            FOREIGN KEY(group_id) REFERENCES groups(id) ON DELETE CASCADE,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            UNIQUE(group_id, project_id)
        );
INSERT INTO "project_has_groups" VALUES(1,2,'project-member');
INSERT INTO "project_has_groups" VALUES(2,1,'project-viewer');
CREATE TABLE project_has_metadata (
            project_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            value TEXT DEFAULT '', changed_by INTEGER DEFAULT 0 NOT NULL, changed_on INTEGER DEFAULT 0 NOT NULL,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            UNIQUE(project_id, name)
        );
INSERT INTO "project_has_metadata" VALUES(1,'budget','1200',0,1796282792);
INSERT INTO "project_has_metadata" VALUES(1,'owner','alice',0,1796282792);
INSERT INTO "project_has_metadata" VALUES(2,'budget','0',0,1796282792);
CREATE TABLE project_has_notification_types (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL,
            notification_type TEXT NOT NULL,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            UNIQUE(project_id, notification_type)
        );
CREATE TABLE project_has_roles (
            role_id INTEGER PRIMARY KEY,
            role TEXT NOT NULL,
            project_id INTEGER NOT NULL,
            UNIQUE(project_id, role),
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE
        );
INSERT INTO "project_has_roles" VALUES(1,'Tester',1);
CREATE TABLE project_has_users (
            project_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL, is_owner INTEGER DEFAULT "0", role TEXT NOT NULL DEFAULT 'project-viewer',
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE,
            UNIQUE(project_id, user_id)
        );
INSERT INTO "project_has_users" VALUES(3,3,0,'project-manager');
INSERT INTO "project_has_users" VALUES(1,2,0,'project-manager');
INSERT INTO "project_has_users" VALUES(1,3,0,'project-member');
INSERT INTO "project_has_users" VALUES(1,4,0,'project-viewer');
INSERT INTO "project_has_users" VALUES(2,2,0,'project-manager');
INSERT INTO "project_has_users" VALUES(1,7,0,'Tester');
CREATE TABLE project_role_has_restrictions (
            restriction_id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL,
            role_id INTEGER NOT NULL,
            rule VARCHAR(255) NOT NULL,
            UNIQUE(role_id, rule),
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            FOREIGN KEY(role_id) REFERENCES project_has_roles(role_id) ON DELETE CASCADE
        );
INSERT INTO "project_role_has_restrictions" VALUES(1,1,1,'task_creation');
CREATE TABLE projects (
            id INTEGER PRIMARY KEY,
            name TEXT NOCASE NOT NULL,
            is_active INTEGER DEFAULT 1
        , token TEXT, last_modified INTEGER DEFAULT 0, is_public INTEGER DEFAULT "0", is_private INTEGER DEFAULT "0", is_everybody_allowed INTEGER DEFAULT "0", default_swimlane TEXT DEFAULT 'Default swimlane', show_default_swimlane INTEGER DEFAULT 1, description TEXT, identifier TEXT DEFAULT '', start_date TEXT DEFAULT '', end_date TEXT DEFAULT '', owner_id INTEGER DEFAULT 0, priority_default INTEGER DEFAULT 0, priority_start INTEGER DEFAULT 0, priority_end INTEGER DEFAULT 3, email TEXT, predefined_email_subjects TEXT, per_swimlane_task_limits INTEGER DEFAULT 0 NOT NULL, task_limit INTEGER DEFAULT 0, enable_global_tags INTEGER DEFAULT 1 NOT NULL);
INSERT INTO "projects" VALUES(1,'Alpha',1,'',1796282798,0,0,0,'Default swimlane',1,'The **first** project','ALPHA','2024-01-15','2024-12-31',2,1,0,5,'alpha@example.com',NULL,0,0,1);
INSERT INTO "projects" VALUES(2,'Beta',1,'',1796282798,0,0,0,'Default swimlane',1,'Second project','BETA','','',0,0,0,3,NULL,NULL,0,0,1);
INSERT INTO "projects" VALUES(3,'Bob''s notes',1,'',1796282797,0,1,0,'Default swimlane',1,'mine','','','',3,0,0,3,NULL,NULL,0,0,1);
CREATE TABLE remember_me (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL,
            ip TEXT,
            user_agent TEXT,
            token TEXT,
            sequence TEXT,
            expiration INTEGER,
            date_creation INTEGER,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE
        );
CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        expire_at INTEGER NOT NULL,
        data TEXT DEFAULT ''
    );
CREATE TABLE settings (
            option TEXT PRIMARY KEY,
            value TEXT DEFAULT ''
        , changed_by INTEGER DEFAULT 0 NOT NULL, changed_on INTEGER DEFAULT 0 NOT NULL);
INSERT INTO "settings" VALUES('board_highlight_period','172800',0,0);
INSERT INTO "settings" VALUES('board_public_refresh_interval','60',0,0);
INSERT INTO "settings" VALUES('board_private_refresh_interval','10',0,0);
INSERT INTO "settings" VALUES('board_columns','',0,0);
INSERT INTO "settings" VALUES('webhook_token','9b37c8230da313c7f24048bff94e2d4c80733d02566ab7ef916de5610f87',0,0);
INSERT INTO "settings" VALUES('api_token','test',0,0);
INSERT INTO "settings" VALUES('application_language','en_US',0,0);
INSERT INTO "settings" VALUES('application_timezone','UTC',0,0);
INSERT INTO "settings" VALUES('application_url','https://kanboard.example.com/',0,0);
INSERT INTO "settings" VALUES('application_date_format','m/d/Y',0,0);
INSERT INTO "settings" VALUES('project_categories','',0,0);
INSERT INTO "settings" VALUES('subtask_restriction','0',0,0);
INSERT INTO "settings" VALUES('application_stylesheet','',0,0);
INSERT INTO "settings" VALUES('application_currency','USD',0,0);
INSERT INTO "settings" VALUES('integration_gravatar','0',0,0);
INSERT INTO "settings" VALUES('calendar_user_subtasks_time_tracking','0',0,0);
INSERT INTO "settings" VALUES('calendar_user_tasks','date_started',0,0);
INSERT INTO "settings" VALUES('calendar_project_tasks','date_started',0,0);
INSERT INTO "settings" VALUES('webhook_url','',0,0);
INSERT INTO "settings" VALUES('default_color','green',0,0);
INSERT INTO "settings" VALUES('subtask_time_tracking','1',0,0);
INSERT INTO "settings" VALUES('cfd_include_closed_tasks','1',0,0);
INSERT INTO "settings" VALUES('password_reset','1',0,0);
INSERT INTO "settings" VALUES('captcha_data','[]',2,1796282805);
CREATE TABLE subtask_time_tracking (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL,
            subtask_id INTEGER NOT NULL,
            start INTEGER DEFAULT 0,
            end INTEGER DEFAULT 0,
            time_spent REAL DEFAULT 0,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE,
            FOREIGN KEY(subtask_id) REFERENCES subtasks(id) ON DELETE CASCADE
        );
INSERT INTO "subtask_time_tracking" VALUES(1,2,1,1796282798,1796282798,0.0);
INSERT INTO "subtask_time_tracking" VALUES(2,2,2,1796282798,1796282798,0.0);
INSERT INTO "subtask_time_tracking" VALUES(3,2,3,1796282799,1796282799,0.0);
INSERT INTO "subtask_time_tracking" VALUES(4,2,4,1796282799,1796282799,0.0);
INSERT INTO "subtask_time_tracking" VALUES(5,2,5,1796282799,1796282799,0.0);
INSERT INTO "subtask_time_tracking" VALUES(6,2,6,1796282800,1796282800,0.0);
INSERT INTO "subtask_time_tracking" VALUES(7,2,8,1796282800,0,0.0);
CREATE TABLE "subtasks" (
            id INTEGER PRIMARY KEY,
            title TEXT COLLATE NOCASE NOT NULL,
            status INTEGER DEFAULT 0,
            time_estimated NUMERIC DEFAULT 0,
            time_spent NUMERIC DEFAULT 0,
            task_id INTEGER NOT NULL,
            user_id INTEGER, position INTEGER DEFAULT 1,
            FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE
        );
INSERT INTO "subtasks" VALUES(1,'Step 0 of 2',0,0,0,2,0,1);
INSERT INTO "subtasks" VALUES(2,'Step 0 of 3',0,0,0,3,0,1);
INSERT INTO "subtasks" VALUES(3,'Step 1 of 3',2,1.5,0,3,3,2);
INSERT INTO "subtasks" VALUES(4,'Step 0 of 5',0,0,0,5,0,1);
INSERT INTO "subtasks" VALUES(5,'Step 0 of 7',0,0,0,7,0,1);
INSERT INTO "subtasks" VALUES(6,'Step 1 of 7',2,1.5,0,7,3,2);
INSERT INTO "subtasks" VALUES(7,'Step 0 of 9',0,0,0,9,0,1);
INSERT INTO "subtasks" VALUES(8,'Step 0 of 10',0,0,0,10,0,1);
INSERT INTO "subtasks" VALUES(9,'Step 1 of 10',2,1.5,0,10,3,2);
INSERT INTO "subtasks" VALUES(10,'Step 0 of 12',0,0,0,12,0,1);
INSERT INTO "subtasks" VALUES(11,'Step 0 of 13',0,0,0,13,0,1);
INSERT INTO "subtasks" VALUES(12,'Step 1 of 13',2,1.5,0,13,3,2);
INSERT INTO "subtasks" VALUES(13,'Step 0 of 15',0,0,0,15,0,1);
INSERT INTO "subtasks" VALUES(14,'Step 0 of 16',0,0,0,16,0,1);
INSERT INTO "subtasks" VALUES(15,'Step 1 of 16',2,1.5,0,16,3,2);
INSERT INTO "subtasks" VALUES(16,'Step 0 of 18',0,0,0,18,0,1);
INSERT INTO "subtasks" VALUES(17,'Step 0 of 19',0,0,0,19,0,1);
INSERT INTO "subtasks" VALUES(18,'Step 1 of 19',2,1.5,0,19,3,2);
INSERT INTO "subtasks" VALUES(19,'Step 0 of 21',0,0,0,21,0,1);
INSERT INTO "subtasks" VALUES(20,'Step 0 of 22',0,0,0,22,0,1);
INSERT INTO "subtasks" VALUES(21,'Step 1 of 22',2,1.5,0,22,3,2);
INSERT INTO "subtasks" VALUES(22,'Step 0 of 24',0,0,0,24,0,1);
INSERT INTO "subtasks" VALUES(23,'Step 0 of 25',0,0,0,25,0,1);
INSERT INTO "subtasks" VALUES(24,'Step 1 of 25',2,1.5,0,25,3,2);
INSERT INTO "subtasks" VALUES(25,'Step 0 of 27',0,0,0,27,0,1);
INSERT INTO "subtasks" VALUES(26,'Step 0 of 28',0,0,0,28,0,1);
INSERT INTO "subtasks" VALUES(27,'Step 1 of 28',2,1.5,0,28,3,2);
INSERT INTO "subtasks" VALUES(28,'Step 0 of 30',0,0,0,30,0,1);
INSERT INTO "subtasks" VALUES(29,'Step 0 of 31',0,0,0,31,0,1);
INSERT INTO "subtasks" VALUES(30,'Step 1 of 31',2,1.5,0,31,3,2);
INSERT INTO "subtasks" VALUES(31,'Step 0 of 33',0,0,0,33,0,1);
INSERT INTO "subtasks" VALUES(32,'Step 0 of 34',0,0,0,34,0,1);
INSERT INTO "subtasks" VALUES(33,'Step 1 of 34',2,1.5,0,34,3,2);
CREATE TABLE swimlanes (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            position INTEGER DEFAULT 1,
            is_active INTEGER DEFAULT 1,
            project_id INTEGER NOT NULL, description TEXT, task_limit INTEGER DEFAULT 0,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            UNIQUE (name, project_id)
        );
INSERT INTO "swimlanes" VALUES(1,'Default swimlane',1,1,1,'',0);
INSERT INTO "swimlanes" VALUES(2,'Default swimlane',1,1,2,'',0);
INSERT INTO "swimlanes" VALUES(3,'Default swimlane',1,1,3,'',0);
INSERT INTO "swimlanes" VALUES(4,'Urgent',2,1,1,'Now',0);
INSERT INTO "swimlanes" VALUES(5,'Later',2,1,2,'',0);
CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            project_id INTEGER NOT NULL, color_id TEXT DEFAULT NULL,
            UNIQUE(project_id, name)
        );
INSERT INTO "tags" VALUES(1,'backend',1,'blue');
INSERT INTO "tags" VALUES(2,'frontend',1,NULL);
INSERT INTO "tags" VALUES(3,'ops',2,'green');
INSERT INTO "tags" VALUES(4,'new',1,NULL);
CREATE TABLE task_has_external_links (
            id INTEGER PRIMARY KEY,
            link_type TEXT NOT NULL,
            dependency TEXT NOT NULL,
            title TEXT NOT NULL,
            url TEXT NOT NULL,
            date_creation INTEGER NOT NULL,
            date_modification INTEGER NOT NULL,
            task_id INTEGER NOT NULL,
            creator_id INTEGER DEFAULT 0,
            FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE
        );
INSERT INTO "task_has_external_links" VALUES(1,'weblink','related','Issue 0','https://example.com/issue/0',1796282802,1796282802,1,0);
INSERT INTO "task_has_external_links" VALUES(2,'weblink','related','Issue 1','https://example.com/issue/1',1796282802,1796282802,2,0);
INSERT INTO "task_has_external_links" VALUES(3,'weblink','related','Issue 2','https://example.com/issue/2',1796282802,1796282802,3,0);
INSERT INTO "task_has_external_links" VALUES(4,'weblink','related','Issue 3','https://example.com/issue/3',1796282802,1796282802,4,0);
INSERT INTO "task_has_external_links" VALUES(5,'weblink','related','Issue 4','https://example.com/issue/4',1796282802,1796282802,5,0);
INSERT INTO "task_has_external_links" VALUES(6,'weblink','related','Issue 5','https://example.com/issue/5',1796282802,1796282802,7,0);
INSERT INTO "task_has_external_links" VALUES(7,'weblink','related','Issue 6','https://example.com/issue/6',1796282802,1796282802,8,0);
INSERT INTO "task_has_external_links" VALUES(8,'weblink','related','Issue 7','https://example.com/issue/7',1796282802,1796282802,9,0);
INSERT INTO "task_has_external_links" VALUES(9,'weblink','related','Issue 8','https://example.com/issue/8',1796282802,1796282802,10,0);
INSERT INTO "task_has_external_links" VALUES(10,'weblink','related','Issue 9','https://example.com/issue/9',1796282802,1796282802,11,0);
INSERT INTO "task_has_external_links" VALUES(11,'weblink','related','Issue 10','https://example.com/issue/10',1796282802,1796282802,12,0);
INSERT INTO "task_has_external_links" VALUES(12,'weblink','related','Issue 11','https://example.com/issue/11',1796282802,1796282802,13,0);
INSERT INTO "task_has_external_links" VALUES(13,'weblink','related','Issue 12','https://example.com/issue/12',1796282802,1796282802,14,0);
INSERT INTO "task_has_external_links" VALUES(14,'weblink','related','Issue 13','https://example.com/issue/13',1796282802,1796282802,15,0);
INSERT INTO "task_has_external_links" VALUES(15,'weblink','related','Issue 14','https://example.com/issue/14',1796282802,1796282802,16,0);
CREATE TABLE "task_has_files" (
            id INTEGER PRIMARY KEY,
            name TEXT COLLATE NOCASE NOT NULL,
            path TEXT,
            is_image INTEGER DEFAULT 0,
            task_id INTEGER NOT NULL, "date" INTEGER NOT NULL DEFAULT 0, "user_id" INTEGER NOT NULL DEFAULT 0, "size" INTEGER NOT NULL DEFAULT 0,
            FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE
        );
INSERT INTO "task_has_files" VALUES(1,'screen-0.png','tasks/1/38b3b603573744e3ab9c938ba4ca1c34829ce106',1,1,1796282803,0,70);
INSERT INTO "task_has_files" VALUES(2,'notes-1.txt','tasks/2/6c9c0ec4eb8194651168874fa9a9499d032928d6',0,2,1796282803,0,160);
INSERT INTO "task_has_files" VALUES(3,'notes-2.txt','tasks/3/bb12c55b2c85f9aec1b227edd258a984e25e65b7',0,3,1796282803,0,160);
INSERT INTO "task_has_files" VALUES(4,'screen-3.png','tasks/4/b801e8be4db1943151180f1b8ff397c6cdad46fb',1,4,1796282803,0,70);
INSERT INTO "task_has_files" VALUES(5,'notes-4.txt','tasks/5/451c1ad0d89021b39dd73f2c8a5aee5be6c56f66',0,5,1796282803,0,160);
INSERT INTO "task_has_files" VALUES(6,'notes-5.txt','tasks/7/00202fb1e27db56b28c95074f4d618aab13bdff4',0,7,1796282803,0,160);
INSERT INTO "task_has_files" VALUES(7,'screen-6.png','tasks/8/58ded43b21d66e33e21682e75958e72d296ec6ab',1,8,1796282803,0,70);
INSERT INTO "task_has_files" VALUES(8,'notes-7.txt','tasks/9/15263382f1a70e03181107c04d8c8d01e5c92f22',0,9,1796282803,0,160);
INSERT INTO "task_has_files" VALUES(9,'notes-8.txt','tasks/10/527cafe4e3f0b5a2a3315e2f52c02943ff7524bc',0,10,1796282803,0,160);
INSERT INTO "task_has_files" VALUES(10,'screen-9.png','tasks/11/4971893dc40e810ba1515d4493a69b92dd8f9822',1,11,1796282803,0,70);
INSERT INTO "task_has_files" VALUES(11,'notes-10.txt','tasks/12/7782e6fb057beabd0284c7f72651e6e1a0ef58cc',0,12,1796282803,0,180);
INSERT INTO "task_has_files" VALUES(12,'notes-11.txt','tasks/13/6f70659c319a9a2041a673f19c4827516146832d',0,13,1796282803,0,180);
CREATE TABLE task_has_links (
        id INTEGER PRIMARY KEY,
        link_id INTEGER NOT NULL,
        task_id INTEGER NOT NULL,
        opposite_task_id INTEGER NOT NULL,
        FOREIGN KEY(link_id) REFERENCES links(id) ON DELETE CASCADE,
        FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE,
        FOREIGN KEY(opposite_task_id) REFERENCES tasks(id) ON DELETE CASCADE
    );
INSERT INTO "task_has_links" VALUES(1,1,1,2);
INSERT INTO "task_has_links" VALUES(2,1,2,1);
INSERT INTO "task_has_links" VALUES(3,3,3,4);
INSERT INTO "task_has_links" VALUES(4,2,4,3);
INSERT INTO "task_has_links" VALUES(5,5,5,7);
INSERT INTO "task_has_links" VALUES(6,4,7,5);
INSERT INTO "task_has_links" VALUES(7,7,8,9);
INSERT INTO "task_has_links" VALUES(8,6,9,8);
INSERT INTO "task_has_links" VALUES(9,9,10,11);
INSERT INTO "task_has_links" VALUES(10,8,11,10);
INSERT INTO "task_has_links" VALUES(11,11,12,13);
INSERT INTO "task_has_links" VALUES(12,10,13,12);
INSERT INTO "task_has_links" VALUES(13,2,14,15);
INSERT INTO "task_has_links" VALUES(14,3,15,14);
INSERT INTO "task_has_links" VALUES(15,4,16,17);
INSERT INTO "task_has_links" VALUES(16,5,17,16);
INSERT INTO "task_has_links" VALUES(17,6,18,19);
INSERT INTO "task_has_links" VALUES(18,7,19,18);
INSERT INTO "task_has_links" VALUES(19,8,20,21);
INSERT INTO "task_has_links" VALUES(20,9,21,20);
INSERT INTO "task_has_links" VALUES(21,10,22,23);
INSERT INTO "task_has_links" VALUES(22,11,23,22);
INSERT INTO "task_has_links" VALUES(23,1,24,25);
INSERT INTO "task_has_links" VALUES(24,1,25,24);
INSERT INTO "task_has_links" VALUES(25,3,26,27);
INSERT INTO "task_has_links" VALUES(26,2,27,26);
INSERT INTO "task_has_links" VALUES(27,5,28,29);
INSERT INTO "task_has_links" VALUES(28,4,29,28);
INSERT INTO "task_has_links" VALUES(29,7,30,31);
INSERT INTO "task_has_links" VALUES(30,6,31,30);
INSERT INTO "task_has_links" VALUES(31,9,32,33);
INSERT INTO "task_has_links" VALUES(32,8,33,32);
INSERT INTO "task_has_links" VALUES(33,12,2,4);
INSERT INTO "task_has_links" VALUES(34,13,4,2);
CREATE TABLE task_has_metadata (
            task_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            value TEXT DEFAULT '', changed_by INTEGER DEFAULT 0 NOT NULL, changed_on INTEGER DEFAULT 0 NOT NULL,
            FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE,
            UNIQUE(task_id, name)
        );
INSERT INTO "task_has_metadata" VALUES(1,'estimate','0',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(1,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(2,'estimate','1',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(2,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(3,'estimate','2',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(3,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(4,'estimate','3',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(4,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(5,'estimate','4',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(5,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(7,'estimate','5',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(7,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(8,'estimate','6',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(8,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(9,'estimate','7',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(9,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(10,'estimate','8',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(10,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(11,'estimate','9',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(11,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(12,'estimate','10',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(12,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(13,'estimate','11',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(13,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(14,'estimate','12',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(14,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(15,'estimate','13',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(15,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(16,'estimate','14',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(16,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(17,'estimate','15',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(17,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(18,'estimate','16',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(18,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(19,'estimate','17',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(19,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(20,'estimate','18',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(20,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(21,'estimate','19',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(21,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(22,'estimate','20',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(22,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(23,'estimate','21',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(23,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(24,'estimate','22',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(24,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(25,'estimate','23',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(25,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(26,'estimate','24',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(26,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(27,'estimate','25',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(27,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(28,'estimate','26',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(28,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(29,'estimate','27',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(29,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(30,'estimate','28',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(30,'source','import',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(31,'estimate','29',0,1796282802);
INSERT INTO "task_has_metadata" VALUES(31,'source','import',0,1796282802);
CREATE TABLE task_has_tags (
            task_id INTEGER NOT NULL,
            tag_id INTEGER NOT NULL,
            FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE,
            FOREIGN KEY(tag_id) REFERENCES tags(id) ON DELETE CASCADE,
            UNIQUE(tag_id, task_id)
        );
INSERT INTO "task_has_tags" VALUES(1,1);
INSERT INTO "task_has_tags" VALUES(1,4);
INSERT INTO "task_has_tags" VALUES(5,1);
INSERT INTO "task_has_tags" VALUES(5,4);
INSERT INTO "task_has_tags" VALUES(9,1);
INSERT INTO "task_has_tags" VALUES(9,4);
INSERT INTO "task_has_tags" VALUES(13,3);
INSERT INTO "task_has_tags" VALUES(17,3);
INSERT INTO "task_has_tags" VALUES(21,3);
INSERT INTO "task_has_tags" VALUES(2,2);
CREATE TABLE "tasks"
        (
            id                   INTEGER PRIMARY KEY,
            title                TEXT NOCASE NOT NULL,
            description          TEXT,
            date_creation        INTEGER,
            color_id             TEXT,
            project_id           INTEGER REFERENCES projects(id) ON DELETE CASCADE,
            column_id            INTEGER REFERENCES columns(id) ON DELETE CASCADE,
            owner_id             INTEGER DEFAULT '0',
            position             INTEGER,
            is_active            INTEGER DEFAULT 1,
            date_completed       INTEGER,
            score                INTEGER,
            date_due             INTEGER,
            category_id          INTEGER DEFAULT 0,
            creator_id           INTEGER DEFAULT '0',
            date_modification    INTEGER DEFAULT '0',
            reference            TEXT    DEFAULT '',
            date_started         INTEGER,
            time_spent           NUMERIC DEFAULT 0,
            time_estimated       NUMERIC DEFAULT 0,
            swimlane_id          INTEGER REFERENCES swimlanes(id) ON DELETE CASCADE,
            date_moved           INTEGER DEFAULT 0,
            recurrence_status    INTEGER DEFAULT 0 NOT NULL,
            recurrence_trigger   INTEGER DEFAULT 0 NOT NULL,
            recurrence_factor    INTEGER DEFAULT 0 NOT NULL,
            recurrence_timeframe INTEGER DEFAULT 0 NOT NULL,
            recurrence_basedate  INTEGER DEFAULT 0 NOT NULL,
            recurrence_parent    INTEGER,
            recurrence_child     INTEGER,
            priority             INTEGER DEFAULT 0,
            external_provider    TEXT,
            external_uri         TEXT
        );
INSERT INTO "tasks" VALUES(1,'Task 0 of 1','Line one of 0

* item
* other',1796282792,'yellow',1,1,2,1,1,NULL,0,1736505000,0,0,1796282792,'REF-1-0',1709283600,NULL,0,1,1796282792,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(2,'Task 1 of 1','',1796282793,'blue',1,2,3,1,1,NULL,1,0,2,0,1796282793,'',0,0,0,4,1796282793,0,0,0,0,0,NULL,NULL,1,NULL,NULL);
INSERT INTO "tasks" VALUES(3,'Task 2 of 1','',1796282793,'green',1,3,0,4,1,NULL,2,0,0,0,1796282793,'',0,0,1.5,1,1796282793,0,0,0,0,0,NULL,NULL,2,NULL,NULL);
INSERT INTO "tasks" VALUES(4,'Task 3 of 1','Line one of 3

* item
* other',1796282793,'purple',1,4,3,1,0,1796282797,3,1744540200,2,0,1796282797,'',0,NULL,NULL,4,1796282793,0,0,0,0,0,NULL,NULL,3,NULL,NULL);
INSERT INTO "tasks" VALUES(5,'Task 4 of 1','',1796282793,'red',1,13,2,1,1,NULL,4,0,0,0,1796282793,'',0,0,0,1,1796282793,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(7,'Task 6 of 1','Line one of 6

* item
* other',1796282793,'grey',1,2,0,5,1,NULL,6,1752661800,0,0,1796282793,'',1709283600,0,1.5,1,1796282793,0,0,0,0,0,NULL,NULL,2,NULL,NULL);
INSERT INTO "tasks" VALUES(8,'Renamed task','',1796282793,'red',1,3,3,1,1,NULL,40,0,2,0,1796282797,'',0,NULL,NULL,4,1796282793,1,0,2,1,0,NULL,NULL,3,NULL,NULL);
INSERT INTO "tasks" VALUES(9,'Task 8 of 1','',1796282793,'yellow',1,4,2,4,1,NULL,8,0,0,0,1796282793,'',0,0,0,1,1796282793,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(10,'Task 9 of 1','Line one of 9

* item
* other',1796282793,'blue',1,13,3,1,1,NULL,9,1737282600,2,0,1796282793,'',0,0,1.5,4,1796282793,0,0,0,0,0,NULL,NULL,1,NULL,NULL);
INSERT INTO "tasks" VALUES(11,'Task 10 of 1','',1796282793,'green',1,1,0,2,0,1796282797,10,0,0,0,1796282797,'REF-1-10',0,NULL,NULL,1,1796282793,0,0,0,0,0,NULL,NULL,2,NULL,NULL);
INSERT INTO "tasks" VALUES(12,'Task 11 of 1','',1796282793,'purple',1,2,3,2,1,NULL,11,0,2,0,1796282793,'',0,0,0,4,1796282793,0,0,0,0,0,NULL,NULL,3,NULL,NULL);
INSERT INTO "tasks" VALUES(13,'Task 0 of 2','Line one of 0

* item
* other',1796282793,'yellow',2,5,2,1,1,NULL,0,1736505000,0,0,1796282793,'REF-2-0',1709283600,0,1.5,2,1796282793,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(14,'Task 1 of 2','',1796282793,'blue',1,2,3,1,1,NULL,1,0,0,0,1796282793,'',0,NULL,NULL,1,1796282793,0,0,0,0,0,NULL,NULL,1,NULL,NULL);
INSERT INTO "tasks" VALUES(15,'Task 2 of 2','',1796282793,'green',1,3,0,1,1,NULL,2,0,0,0,1796282793,'',0,0,0,1,1796282793,0,0,0,0,0,NULL,NULL,2,NULL,NULL);
INSERT INTO "tasks" VALUES(16,'Task 3 of 2','Line one of 3

* item
* other',1796282793,'purple',1,4,2,1,1,NULL,3,1744540200,0,0,1796282793,'',0,0,1.5,1,1796282793,0,0,0,0,0,NULL,NULL,3,NULL,NULL);
INSERT INTO "tasks" VALUES(17,'Task 4 of 2','',1796282793,'red',2,5,3,2,1,NULL,4,0,0,0,1796282793,'',0,NULL,NULL,2,1796282793,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(18,'Task 5 of 2','',1796282793,'orange',2,6,0,2,0,1796282797,5,0,0,0,1796282797,'REF-2-5',0,0,0,5,1796282793,0,0,0,0,0,NULL,NULL,1,NULL,NULL);
INSERT INTO "tasks" VALUES(19,'Task 6 of 2','Line one of 6

* item
* other',1796282793,'grey',2,7,2,2,1,NULL,6,1752661800,0,0,1796282793,'',1709283600,0,1.5,2,1796282793,0,0,0,0,0,NULL,NULL,2,NULL,NULL);
INSERT INTO "tasks" VALUES(20,'Task 7 of 2','',1796282793,'brown',2,8,3,2,1,NULL,7,0,0,0,1796282793,'',0,NULL,NULL,5,1796282793,1,0,2,1,0,NULL,NULL,3,NULL,NULL);
INSERT INTO "tasks" VALUES(21,'Task 8 of 2','',1796282793,'yellow',2,5,0,3,1,NULL,8,0,0,0,1796282793,'',0,0,0,2,1796282793,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(22,'Task 9 of 2','Line one of 9

* item
* other',1796282793,'blue',2,6,2,3,1,NULL,9,1737282600,0,0,1796282793,'',0,0,1.5,5,1796282793,0,0,0,0,0,NULL,NULL,1,NULL,NULL);
INSERT INTO "tasks" VALUES(23,'Task 10 of 2','',1796282793,'green',2,7,3,3,1,NULL,10,0,0,0,1796282793,'REF-2-10',0,NULL,NULL,2,1796282793,0,0,0,0,0,NULL,NULL,2,NULL,NULL);
INSERT INTO "tasks" VALUES(24,'Task 11 of 2','',1796282793,'purple',2,8,0,3,1,NULL,11,0,0,0,1796282793,'',0,0,0,5,1796282793,0,0,0,0,0,NULL,NULL,3,NULL,NULL);
INSERT INTO "tasks" VALUES(25,'Alice''s task 0','',1796282793,'yellow',1,2,0,4,0,1796282797,0,0,0,2,1796282797,'',0,0,1.5,1,1796282793,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(26,'Alice''s task 1','',1796282793,'yellow',1,3,0,3,1,NULL,0,0,0,2,1796282793,'',0,NULL,NULL,1,1796282793,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(27,'Alice''s task 2','',1796282794,'yellow',1,4,0,3,1,NULL,0,0,0,2,1796282794,'',0,0,0,1,1796282794,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(28,'Alice''s task 3','',1796282794,'yellow',1,2,0,3,1,NULL,0,0,0,2,1796282794,'',0,0,1.5,1,1796282794,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(29,'Alice''s task 4','',1796282794,'yellow',1,3,0,2,1,NULL,0,0,0,2,1796282795,'',0,NULL,NULL,1,1796282795,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(30,'Alice''s task 5','',1796282795,'yellow',1,4,0,2,1,NULL,0,0,0,2,1796282795,'',0,0,0,1,1796282795,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(31,'Alice''s task 6','',1796282795,'yellow',1,2,0,2,1,NULL,0,0,0,2,1796282796,'',0,0,1.5,1,1796282796,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(32,'Alice''s task 7','',1796282796,'yellow',1,3,0,1,0,1796282797,0,0,0,2,1796282797,'',0,NULL,NULL,1,1796282796,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(33,'Alice''s task 8','',1796282796,'yellow',1,4,0,1,1,NULL,0,0,0,2,1796282796,'',0,0,0,1,1796282796,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(34,'Alice''s task 9','',1796282797,'yellow',1,2,0,1,1,NULL,0,0,0,2,1796282797,'',0,0,1.5,1,1796282797,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
INSERT INTO "tasks" VALUES(35,'Private note','',1796282797,'yellow',3,9,0,1,1,NULL,0,0,0,3,1796282797,'',0,NULL,NULL,3,1796282797,0,0,0,0,0,NULL,NULL,0,NULL,NULL);
CREATE TABLE transitions (
        "id" INTEGER PRIMARY KEY,
        "user_id" INTEGER NOT NULL,
        "project_id" INTEGER NOT NULL,
        "task_id" INTEGER NOT NULL,
        "src_column_id" INTEGER NOT NULL,
        "dst_column_id" INTEGER NOT NULL,
        "date" INTEGER NOT NULL,
        "time_spent" INTEGER DEFAULT 0,
        FOREIGN KEY(src_column_id) REFERENCES columns(id) ON DELETE CASCADE,
        FOREIGN KEY(dst_column_id) REFERENCES columns(id) ON DELETE CASCADE,
        FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE,
        FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
        FOREIGN KEY(task_id) REFERENCES tasks(id) ON DELETE CASCADE
    );
INSERT INTO "transitions" VALUES(1,2,1,25,1,2,1796282793,0);
INSERT INTO "transitions" VALUES(2,2,1,26,1,3,1796282793,0);
INSERT INTO "transitions" VALUES(3,2,1,27,1,4,1796282794,0);
INSERT INTO "transitions" VALUES(4,2,1,28,1,2,1796282794,0);
INSERT INTO "transitions" VALUES(5,2,1,29,1,3,1796282795,1);
INSERT INTO "transitions" VALUES(6,2,1,30,1,4,1796282795,0);
INSERT INTO "transitions" VALUES(7,2,1,31,1,2,1796282796,1);
INSERT INTO "transitions" VALUES(8,2,1,32,1,3,1796282796,0);
INSERT INTO "transitions" VALUES(9,2,1,33,1,4,1796282796,0);
INSERT INTO "transitions" VALUES(10,2,1,34,1,2,1796282797,0);
CREATE TABLE user_has_metadata (
            user_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            value TEXT DEFAULT '', changed_by INTEGER DEFAULT 0 NOT NULL, changed_on INTEGER DEFAULT 0 NOT NULL,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE,
            UNIQUE(user_id, name)
        );
CREATE TABLE user_has_notification_types (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL,
            notification_type TEXT,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE
        );
INSERT INTO "user_has_notification_types" VALUES(1,6,'email');
INSERT INTO "user_has_notification_types" VALUES(2,6,'web');
CREATE TABLE user_has_notifications (
            user_id INTEGER NOT NULL,
            project_id INTEGER NOT NULL,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE,
            FOREIGN KEY(project_id) REFERENCES projects(id) ON DELETE CASCADE,
            UNIQUE(project_id, user_id)
        );
INSERT INTO "user_has_notifications" VALUES(6,1);
CREATE TABLE user_has_unread_notifications (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL,
            date_creation INTEGER NOT NULL,
            event_name TEXT NOT NULL,
            event_data TEXT NOT NULL,
            FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE
        );
CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL,
            password TEXT,
            is_admin INTEGER DEFAULT 0
        , is_ldap_user INTEGER DEFAULT 0, name TEXT, email TEXT, google_id TEXT, github_id TEXT, notifications_enabled INTEGER DEFAULT '0', timezone TEXT, language TEXT, disable_login_form INTEGER DEFAULT 0, twofactor_activated INTEGER DEFAULT 0, twofactor_secret TEXT, token TEXT DEFAULT '', notifications_filter INTEGER DEFAULT 4, nb_failed_login INTEGER DEFAULT 0, lock_expiration_date INTEGER DEFAULT 0, is_project_admin INTEGER DEFAULT 0, gitlab_id INTEGER, role TEXT NOT NULL DEFAULT 'app-user', is_active INTEGER DEFAULT 1, avatar_path TEXT, api_access_token VARCHAR(255) DEFAULT NULL, filter TEXT, theme TEXT DEFAULT 'light' NOT NULL);
INSERT INTO "users" VALUES(1,'admin','$2y$10$3wCsAc5y8b95uBE2zGj4tuHnXaGDiQxIl/pv/T/TPrwMzkyYZ7.2i',1,0,NULL,NULL,NULL,NULL,0,NULL,NULL,0,0,NULL,'',4,0,0,0,NULL,'app-admin',1,NULL,NULL,NULL,'light');
INSERT INTO "users" VALUES(2,'alice','$2y$10$FZ82J8R1jpat9vccD8nPEuwW8RcMQaETA7eymyATjPvNa7Iw2l80K',0,0,'Alice Martin','alice@example.com',NULL,NULL,0,NULL,NULL,0,0,NULL,'',4,0,0,0,NULL,'app-manager',1,NULL,NULL,NULL,'light');
INSERT INTO "users" VALUES(3,'bob','$2y$10$JGQEGdUVudAL4kICwUzpUOFrvPtiO8Dt/SVHYS4.6j7AUmFWqZmlW',0,0,'Bob Stone','bob@example.com',NULL,NULL,0,NULL,NULL,0,0,NULL,'',4,0,0,0,NULL,'app-user',1,NULL,'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',NULL,'light');
INSERT INTO "users" VALUES(4,'carol','$2y$10$IbO/jEV/dagFnZNnRCg7q.5yrbLalxSPoxek5JLxta.Zw4idORTYS',0,0,'Carol Díaz-Ruiz','',NULL,NULL,0,'Europe/Paris','fr_FR',0,1,'JBSWY3DPEHPK3PXP','',4,0,0,0,NULL,'app-user',1,NULL,NULL,NULL,'light');
INSERT INTO "users" VALUES(5,'dave','$2y$10$kSTvKUEl7uNaMry0inpYzuybPTcScjE4DqE6M6zRxd78FTAD0mjjq',0,0,'','dave@example.com',NULL,NULL,0,NULL,NULL,0,0,NULL,'',4,7,1796283705,0,NULL,'app-user',1,NULL,NULL,NULL,'light');
INSERT INTO "users" VALUES(6,'erin','$2y$10$JdBfkjL3G/I9mZnIx4Z0WuVGjXO1uLX.1iI028vYkjf.dAoO1O6L.',0,0,'Erin Admin','erin@example.com',NULL,NULL,0,NULL,NULL,0,0,NULL,'',4,0,0,0,NULL,'app-admin',1,NULL,'e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1',NULL,'light');
INSERT INTO "users" VALUES(7,'frank','$2y$10$RSUkBCmZqk5OEBY5lKG0cOWwG/kwTSRzA7bBePhSZP43CUyNXwKre',0,0,'Frank Tester','',NULL,NULL,0,NULL,NULL,0,0,NULL,'',4,0,0,0,NULL,'app-user',1,NULL,NULL,NULL,'light');
INSERT INTO "users" VALUES(8,'gina','$2y$10$uriadnK6Sab0pVxiyxwpj.n8Tf55z4GvnhVdfosch6fOOD5Cd1pG.',0,0,'Gina Gone','',NULL,NULL,0,NULL,NULL,0,0,NULL,'',4,0,0,0,NULL,'app-user',0,NULL,NULL,NULL,'light');
CREATE INDEX last_logins_user_idx ON last_logins(user_id);
CREATE UNIQUE INDEX users_username_idx ON users(username);
CREATE UNIQUE INDEX project_daily_column_stats_idx ON "project_daily_column_stats"(day, project_id, column_id);
CREATE INDEX users_admin_idx ON users(is_admin);
CREATE INDEX columns_project_idx ON columns(project_id);
CREATE INDEX swimlanes_project_idx ON swimlanes(project_id);
CREATE INDEX categories_project_idx ON project_has_categories(project_id);
CREATE INDEX files_task_idx ON "task_has_files"(task_id);
CREATE INDEX task_has_links_task_index ON task_has_links(task_id);
CREATE UNIQUE INDEX task_has_links_unique ON task_has_links(link_id, task_id, opposite_task_id);
CREATE INDEX transitions_task_index ON transitions(task_id);
CREATE INDEX transitions_project_index ON transitions(project_id);
CREATE INDEX transitions_user_index ON transitions(user_id);
CREATE UNIQUE INDEX project_daily_stats_idx ON project_daily_stats(day, project_id);
CREATE UNIQUE INDEX user_has_notification_types_user_idx ON user_has_notification_types(user_id, notification_type);
CREATE INDEX subtasks_task_idx ON subtasks(task_id);
COMMIT;
