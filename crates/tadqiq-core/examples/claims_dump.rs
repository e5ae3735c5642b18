// Scratch: prints every claim's measure, subjects and value (not committed).
use std::sync::Arc;
use tadqiq_core::claims::{Kind, claims};
use tadqiq_core::entities::Gazetteer;
use tadqiq_core::workspace::Workspace;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut ws = Workspace::new(Arc::new(Gazetteer::new(&[])));
    ws.extend(paths.iter().map(|p| (p.clone(), std::fs::read_to_string(p).unwrap(), None)));
    for kind in [Kind::Figures, Kind::Dates, Kind::Durations] {
        for c in claims(&ws, kind) {
            let d = c.data;
            let text = &c.doc.text[c.span.start..c.span.end];
            println!(
                "{:?} {} «{}» = {} {:?} {:?} | measure {:?} | meets {:?} | key {:?} | ctx {:?} | stage {:?} places {:?} year {:?} hl {}",
                kind,
                c.path.rsplit('/').next().unwrap(),
                text,
                d.said.show(),
                d.said.value,
                d.said.published,
                d.measure,
                d.anchors.iter().map(|a| a.key.to_string()).collect::<Vec<_>>(),
                d.key,
                d.context.iter().map(|x| x.1.to_string()).collect::<Vec<_>>(),
                d.said.stage,
                d.said.places,
                d.said.year,
                d.headline
            );
        }
    }
}
